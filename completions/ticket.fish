# fish completion for ticket, generated from its picocli command definitions.
# Install: ticket completion fish > ~/.config/fish/completions/ticket.fish

# The subcommand typed so far: '' for ticket itself, 'admin user' for ticket admin user ...
function __ticket_path
    set -l tokens (commandline -opc)
    set -e tokens[1]
    set -l path ''
    set -l skip 0
    for token in $tokens
        if test $skip = 1
            set skip 0
        else if string match -q -- '-*' $token
            __ticket_takes_value "$path" $token; and set skip 1
        else
            set -l child (__ticket_child "$path" $token)
            and set path $child
        end
    end
    echo $path
end

function __ticket_at
    set -l path (__ticket_path)
    test "$path" = "$argv[1]"
end

function __ticket_child --argument-names path token
    switch "$path/$token"
        case '/serve'
            echo 'serve'
        case '*'
            return 1
    end
end

function __ticket_takes_value --argument-names path token
    switch "$path/$token"
        case 'serve/--port' 'serve/--bind' 'serve/--data' 'serve/--db' 'serve/--zone' 'serve/--hours' 'serve/--workdays' 'serve/--holidays' 'serve/--topics' 'serve/--max-file-size' 'serve/--max-files' 'serve/--db-pool'
            return 0
    end
    return 1
end

complete -c ticket -f
complete -c ticket -n '__ticket_at ""' -a 'serve' -d 'Run the ticket service: the HTTP JSON API under /api/v1'
complete -c ticket -n '__ticket_at ""' -s 'h' -l 'help' -d 'Show this help message and exit'
complete -c ticket -n '__ticket_at ""' -s 'V' -l 'version' -d 'Print version information and exit'
complete -c ticket -n '__ticket_at "serve"' -l 'port' -x -d 'Port to listen on (default: 8765)'
complete -c ticket -n '__ticket_at "serve"' -l 'bind' -x -d 'Address to listen on (default: 127.0.0.1)'
complete -c ticket -n '__ticket_at "serve"' -l 'data' -x -a '(__fish_complete_directories)' -d 'Data directory (default: $XDG_DATA_HOME/ticket, else ~/.local/share/ticket)'
complete -c ticket -n '__ticket_at "serve"' -l 'db' -x -d 'PostgreSQL instead of SQLite: jdbc:postgresql://...'
complete -c ticket -n '__ticket_at "serve"' -l 'dev' -d 'Also create a demo account with a customer and an agent, and save their tokens …'
complete -c ticket -n '__ticket_at "serve"' -l 'zone' -x -d 'Business hours time zone (default: Europe/Moscow)'
complete -c ticket -n '__ticket_at "serve"' -l 'hours' -x -d 'Business hours (default: 10:00-19:00)'
complete -c ticket -n '__ticket_at "serve"' -l 'workdays' -x -d 'Working days (default: mon-fri)'
complete -c ticket -n '__ticket_at "serve"' -l 'holidays' -x -d 'Holidays, comma-separated ISO dates'
complete -c ticket -n '__ticket_at "serve"' -l 'topics' -x -d 'Topics offered for \'about\' (default: Account settings,Finance,AI employees,Chan…'
complete -c ticket -n '__ticket_at "serve"' -l 'max-file-size' -x -d 'Largest attachment accepted, in bytes (default: 26214400, 25 MiB)'
complete -c ticket -n '__ticket_at "serve"' -l 'max-files' -x -d 'Most files on one message (default: 10)'
complete -c ticket -n '__ticket_at "serve"' -l 'db-pool' -x -d 'Database connections (default: 8)'
complete -c ticket -n '__ticket_at "serve"' -l 'request-log' -l 'no-request-log' -d 'Log each request as one structured line on stderr (default: on)'
