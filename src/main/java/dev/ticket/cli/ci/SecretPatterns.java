package dev.ticket.cli.ci;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The shapes of secrets in text, each with how to rewrite a match; applied in order to one line at a time. */
final class SecretPatterns {
    static final String REDACTED = "[redacted]";

    /** Words that make a key name, flag or header look secret (also the basis of CiDetector's list). */
    private static final String SECRET_WORD =
            "(?:token|secret|passw(?:or)?d|passphrase|[_.-]pwd|credential|key|jwt|cookie|auth(?!or))";
    private static final String NAME = "[A-Za-z0-9_.-]*" + SECRET_WORD + "[A-Za-z0-9_.-]*";

    static final Pattern KEY_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");
    static final Pattern KEY_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY(?: BLOCK)?-----");

    /** Tokens recognisable by their shape alone. */
    private static final Pattern TOKEN = Pattern.compile("(?<![A-Za-z0-9_])(?:"
            + "gh[pousr]_[A-Za-z0-9]{20,255}"
            + "|github_pat_[A-Za-z0-9_]{20,255}"
            + "|gl(?:pat|dt|rt|cbt|ptt|ft|soat|imt|agent|oas|ffct)-[A-Za-z0-9_-]{16,}"
            + "|GR1348941[A-Za-z0-9_-]{16,}"
            + "|(?:AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA|ABIA|ACCA)[A-Z0-9]{16}"
            + "|xox[abposre]-[A-Za-z0-9-]{10,}"
            + "|xapp-[A-Za-z0-9-]{10,}"
            + "|eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]*"
            + "|AIza[0-9A-Za-z_-]{35}"
            + "|npm_[A-Za-z0-9]{36}"
            + "|[sr]k_(?:live|test)_[A-Za-z0-9]{16,}"
            + ")");
    private static final Pattern SLACK_WEBHOOK = Pattern.compile("(hooks\\.slack\\.com/(?:services|workflows)/)[A-Za-z0-9/_-]+");
    /** {@code scheme://user:password@host}: the password may itself contain {@code @}, so take up to the last one. */
    private static final Pattern URL_USER_PASSWORD = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)[^\\s/@:\"'<>]*:[^\\s/\"'<>]*@");
    /** {@code https://TOKEN@host}: a long user name is a token. */
    private static final Pattern URL_TOKEN_USER = Pattern.compile(
            "(?i)\\b([a-z][a-z0-9+.-]*://)[A-Za-z0-9_.~%-]{16,}@");
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "(?i)\\b((?:proxy-)?authorization[\"']?\\s*[:=]\\s*[\"']?)"
                    + "((?:bearer|basic|token|digest|negotiate|ntlm|aws4-hmac-sha256)\\s+)?[^\\s\"']+");
    private static final Pattern COOKIE = Pattern.compile("(?i)\\b((?:set-)?cookie\\s*:\\s*).+");
    private static final Pattern CURL_USER = Pattern.compile("(?<![^\\s])(-u|--user)(\\s+|=)[^\\s:]*:\\S*");
    /** {@code --password xyz}, {@code --api-key xyz}. */
    private static final Pattern SECRET_FLAG = Pattern.compile(
            "(?i)(?<![^\\s])(--?" + NAME + ")(\\s+)(?!-)(?:\"[^\"]*\"|'[^']*'|[^\\s\"']+)");
    /** {@code KEY=value}, {@code KEY: value}, {@code "key": "value"}, {@code ?token=value}. */
    private static final Pattern SECRET_ASSIGNMENT = Pattern.compile(
            "(?i)(?<![A-Za-z0-9_.-])([\"']?)(" + NAME + ")\\1(\\s*[:=]\\s*)(\"[^\"]*\"|'[^']*'|[^\\s\"'&,;]+)");

    /** One line as the rules see it: the text and its lower-case form, for cheap pre-checks. */
    record Text(String text, String lower) {
        static Text of(String text) {
            return new Text(text, text.toLowerCase(Locale.ROOT));
        }

        boolean has(String literal) {
            return text.contains(literal);
        }

        boolean hasAny(List<String> literals) {
            return literals.stream().anyMatch(text::contains);
        }

        boolean hasLowerAny(List<String> literals) {
            return literals.stream().anyMatch(lower::contains);
        }
    }

    /**
     * A pattern, how to rewrite its matches, and a cheap literal test that must hold for a match to be possible:
     * most log lines fail every test, so the regular expressions run on few lines.
     */
    record Rule(Pattern pattern, Function<MatchResult, String> rewrite, Predicate<Text> possible) {
        String apply(Text text) {
            if (!possible.test(text)) {
                return text.text();
            }
            Matcher m = pattern.matcher(text.text());
            return m.find() ? m.reset().replaceAll(r -> Matcher.quoteReplacement(rewrite.apply(r))) : text.text();
        }
    }

    private static final List<String> TOKEN_PREFIXES = List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_",
            "glpat-", "gldt-", "glrt-", "glcbt-", "glptt-", "glft-", "glsoat-", "glimt-", "glagent-", "gloas-",
            "glffct-", "GR1348941", "AKIA", "ASIA", "AGPA", "AIDA", "AROA", "ANPA", "ANVA", "AIPA", "ABIA", "ACCA",
            "xox", "xapp-", "eyJ", "AIza", "npm_", "k_live_", "k_test_");
    private static final List<String> SECRET_WORDS = List.of("token", "secret", "passw", "passphrase", "pwd",
            "credential", "key", "jwt", "cookie", "auth");
    private static final List<String> ASSIGN = List.of("=", ":");
    private static final List<String> CURL_USER_HINTS = List.of("-u ", "-u=", "--user");

    static final List<Rule> RULES = List.of(
            new Rule(TOKEN, m -> REDACTED, t -> t.hasAny(TOKEN_PREFIXES)),
            new Rule(SLACK_WEBHOOK, m -> m.group(1) + REDACTED, t -> t.has("hooks.slack.com/")),
            new Rule(URL_USER_PASSWORD, m -> m.group(1) + REDACTED + "@", t -> t.has("://") && t.has("@")),
            new Rule(URL_TOKEN_USER, m -> m.group(1) + REDACTED + "@", t -> t.has("://") && t.has("@")),
            new Rule(AUTHORIZATION, m -> m.group(1) + (m.group(2) == null ? "" : m.group(2)) + REDACTED,
                    t -> t.lower().contains("authorization")),
            new Rule(COOKIE, m -> m.group(1) + REDACTED, t -> t.lower().contains("cookie")),
            new Rule(CURL_USER, m -> m.group(1) + m.group(2) + REDACTED, t -> t.hasAny(CURL_USER_HINTS)),
            new Rule(SECRET_FLAG, m -> m.group(1) + m.group(2) + REDACTED,
                    t -> t.has("-") && t.hasLowerAny(SECRET_WORDS)),
            new Rule(SECRET_ASSIGNMENT, SecretPatterns::assignment,
                    t -> t.hasAny(ASSIGN) && t.hasLowerAny(SECRET_WORDS)));

    /** {@code text} with every rule applied in order. */
    static String apply(String text) {
        Text current = Text.of(text);
        for (Rule rule : RULES) {
            String result = rule.apply(current);
            if (!result.equals(current.text())) {
                current = Text.of(result);
            }
        }
        return current.text();
    }

    private SecretPatterns() {
    }

    private static String assignment(MatchResult m) {
        String value = m.group(4);
        char first = value.charAt(0);
        String quote = first == '"' || first == '\'' ? String.valueOf(first) : "";
        return m.group(1) + m.group(2) + m.group(1) + m.group(3) + quote + REDACTED + quote;
    }
}
