#!/bin/sh
# ticket: this POSIX sh preamble followed by the ticket jar is one runnable file (the build makes it, as
# target/ticket). It picks JVM options by subcommand, then runs the jar that follows it:
#   serve                    the JVM's own defaults (tiered JIT with C2; G1 on a machine with 2+ cores):
#                            a long-running service wants throughput
#   download, attach, tui    tiered JIT (C2 computes SHA-256 and streams files at twice C1's speed), SerialGC
#   anything else            C1 only with one compiler thread, SerialGC, no perf-data file: a short command
#                            starts fastest that way
# All but serve map the class-data archive where it was made (see "mapped" below).
# Every command uses the class-data archive ticket.jsa beside this file when there is one, serve its own
# ticket-serve.jsa (made by the build from training runs; -Xshare:auto, so a stale or missing archive costs
# start-up time, never the command; one cut short is left out, see below).
# Environment: JAVA_HOME picks the Java to run (else java on PATH); JAVA_OPTS adds JVM options after ours,
# so they win (e.g. JAVA_OPTS=-Xmx64m). Java 17 decodes arguments with the locale's charset, so under the
# C/POSIX locale Cyrillic arguments would arrive as '?': the preamble switches the character type to
# C.UTF-8 there when the system has it.

self=$0
if [ -L "$self" ]; then
  self=$(readlink -f "$self" 2>/dev/null || printf '%s\n' "$self")
fi
case $self in
  /*) ;;
  *) self=$PWD/$self ;;
esac

if [ -n "$JAVA_HOME" ]; then
  java=$JAVA_HOME/bin/java
  if [ ! -x "$java" ]; then
    echo "ticket: JAVA_HOME is '$JAVA_HOME' but $java is not a program; fix JAVA_HOME or unset it" >&2
    exit 1
  fi
elif command -v java >/dev/null 2>&1; then
  java=java
else
  echo "ticket: needs Java 17 or newer: install it, or set JAVA_HOME to one" >&2
  exit 1
fi

case ${LC_ALL:-${LC_CTYPE:-$LANG}} in
  '' | C | POSIX)
    if [ -d /usr/lib/locale/C.utf8 ] || [ -d /usr/lib/locale/C.UTF-8 ] \
        || locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
      if [ -n "$LC_ALL" ]; then
        LC_ALL=C.UTF-8
        export LC_ALL
      else
        LC_CTYPE=C.UTF-8
        export LC_CTYPE
      fi
    fi
    ;;
esac

# The subcommand is the first argument that is neither an option nor the value of a global option.
command=
skip=
for arg in "$@"; do
  if [ -n "$skip" ]; then
    skip=
    continue
  fi
  case $arg in
    --server | --token | --profile | --ca-file | --jq | --timeout) skip=1 ;;
    --) break ;;
    -*) ;;
    *) command=$arg; break ;;
  esac
done

# The class-data archive is mapped where it was dumped, not at a random address: JDK 17's default
# (ArchiveRelocationMode=1) moves it and patches every pointer in it at start-up, ~10 ms and twice the page
# faults (7,000 against 3,700) for a command that then lives a tenth of a second. The service keeps the default.
mapped='-XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0'
case $command in
  # serve: the parallel collector; G1's concurrent refinement of its remembered sets took ~40% of the CPU of a
  # reply's fan-out to thousands of event streams (docs/benchmarks.md), for pauses this small heap does not need
  serve)
    flags='-XX:+UseParallelGC'
    case " $JAVA_OPTS " in
      *-XX:+Use*GC*) flags= ;; # JAVA_OPTS chooses the collector (the JVM refuses two)
    esac
    ;;
  download | attach | tui) flags="-XX:+UseSerialGC -XX:-UsePerfData $mapped" ;;
  *)
    # Reflection calls stay native: from the 16th call of a constructor or method the JDK writes a class to make
    # them (~3% of `ticket list`, reading a page of records), which pays off only in a long-running program.
    flags="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData $mapped -Dsun.reflect.inflationThreshold=2147483647"
    # A method is compiled after five times the calls and loop turns of the JVM's default: most of what a short
    # command runs is run a few hundred times at start-up and never again, and compiling it cost more CPU than it
    # saved (`ticket list` ~15 ms less CPU; docs/benchmarks.md, start-up).
    flags="$flags -XX:CompileThresholdScaling=5"
    # one compiler thread, not the two the JVM starts on 2 cores: at start-up they compete with the command's
    # own two threads (~18 ms of `ticket list`). Left out when JAVA_OPTS chooses the JIT itself: with C2 back
    # on, the JVM refuses a single compiler thread.
    case " $JAVA_OPTS " in
      *Tiered* | *CICompilerCount*) ;;
      *) flags="$flags -XX:CICompilerCount=1" ;;
    esac
    ;;
esac

# Asking the terminal its width from Java means starting JLine's terminal support (a few hundred ms).
if [ -t 1 ] && [ -z "$COLUMNS" ]; then
  size=$(stty size </dev/tty 2>/dev/null) && TICKET_TERMINAL_COLUMNS=${size#* } && export TICKET_TERMINAL_COLUMNS
fi

archive=${self%/*}/ticket.jsa
if [ "$command" = serve ]; then
  archive=${self%/*}/ticket-serve.jsa
fi
# An archive cut short (a copy interrupted, a full disk) crashes JDK 17 with SIGBUS as it maps it: the build ends
# each archive with a trailer line (ClassDataArchive.TRAILER), and one without it is not used. Reading the trailer
# costs a process (tail), so a stamp file newer than the archive remembers that it was read since the archive last
# changed (where the directory is writable; elsewhere the trailer is read each time).
if [ ! -f "$archive" ]; then
  archive=
elif [ ! "$archive.ok" -nt "$archive" ]; then
  if [ "$(tail -c 16 "$archive" 2>/dev/null)" = "
#ticket-cds-ok" ]; then
    { : > "$archive.ok"; } 2>/dev/null
  else
    archive=
  fi
fi
# $flags and $JAVA_OPTS are split into words on purpose; the archive path may hold spaces.
# -cp and the main class rather than -jar: with -jar the JVM opens the jar to read its manifest, closes it,
# and the class loader reads its directory of ~11,000 entries all over again (~3 ms).
# shellcheck disable=SC2086
exec "$java" $flags -Xshare:auto ${archive:+"-XX:SharedArchiveFile=$archive"} -Xlog:cds=off,cds+dynamic=off \
  $JAVA_OPTS -cp "$self" dev.ticket.Main "$@"
