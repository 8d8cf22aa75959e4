package dev.ticket.cli.ci;

import java.util.List;

/** Fake secrets in every form the redactor must catch, each with the line it appears in and the line it must become. */
final class PlantedSecrets {
    static final String GITHUB_PAT = "ghp_" + "R2d2C3po".repeat(4) + "BB8x";
    static final String GITHUB_OAUTH = "gho_" + "Lu4kSky9".repeat(4) + "walk";
    static final String GITHUB_FINE_GRAINED = "github_pat_11AAQ5PLY0" + "x9Y8w7V6u5".repeat(6);
    static final String GITHUB_APP = "ghs_" + "Han5oloF".repeat(4) + "alcn";
    static final String GITLAB_PAT = "glpat-xY7zQ9wE3rT5uI1oP2aS";
    static final String AWS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    static final String AWS_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    static final String SLACK_BOT = "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx";
    static final String SLACK_HOOK_PATH = "T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";
    static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0"
            + ".dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U";
    static final String GOOGLE_KEY = "AIza" + "Sy" + "A1b2C3d4E5".repeat(3) + "xyz";
    static final String STRIPE_KEY = "sk_live_" + "51HqLyjWDarjtT1zdp7dc";
    static final String NPM_TOKEN = "npm_" + "Ob1WanKen0".repeat(3) + "bi1234";
    static final String KNOWN_VALUE = "Tr0ub4dor&3xyz";
    static final String KEY_BODY_1 = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2g";
    static final String KEY_BODY_2 = "AAAAC3NzaC1lZDI1NTE5AAAAIBxQd0mPsX1tYVrk3Jn0y8lW9e5Q2aH7cZfK4uR6sT";

    record Planted(String form, String line, String secret, String expected) {
        @Override
        public String toString() {
            return form;
        }
    }

    static final List<Planted> ALL = List.of(
            around("github classic token", "remote: pushing with ", GITHUB_PAT, " now"),
            around("github oauth token", "token=", GITHUB_OAUTH, ""),
            around("github fine-grained token", "using ", GITHUB_FINE_GRAINED, "."),
            new Planted("github app token as url user", "https://x-access-token:" + GITHUB_APP + "@github.com/acme/shop",
                    GITHUB_APP, "https://[redacted]@github.com/acme/shop"),
            around("gitlab personal token", "glab auth login --stdin <<< ", GITLAB_PAT, ""),
            around("aws access key id", "Found credentials ", AWS_KEY_ID, " in env"),
            around("aws secret key assignment", "aws_secret_access_key = ", AWS_SECRET, ""),
            around("slack bot token", "posting as ", SLACK_BOT, ""),
            around("slack webhook", "curl -X POST https://hooks.slack.com/services/", SLACK_HOOK_PATH, ""),
            around("jwt", "Decoded JWT ", JWT, " is expired"),
            around("google api key", "maps key ", GOOGLE_KEY, ""),
            around("stripe live key", "charging with ", STRIPE_KEY, ""),
            around("npm token in npmrc", "//registry.npmjs.org/:_authToken=", NPM_TOKEN, ""),
            new Planted("password in url", "git clone https://deploy:s3cr3t-P4ss@gitlab.example.com/group/repo.git",
                    "s3cr3t-P4ss", "git clone https://[redacted]@gitlab.example.com/group/repo.git"),
            new Planted("password with at sign in url", "fetch https://bob:p@ss@w0rd@nexus.example.com/repo",
                    "p@ss@w0rd", "fetch https://[redacted]@nexus.example.com/repo"),
            around("token as url user", "pull https://", "abcdef0123456789abcd", "@github.com/acme/shop.git"),
            around("token in query string", "GET https://api.example.com/items?access_token=",
                    "qwertyuiop123", "&page=2"),
            around("env assignment", "DATABASE_PASSWORD=", "hunter2-correct-horse", ""),
            around("quoted export", "export API_KEY='", "k-9f8e7d6c5b4a", "'"),
            around("yaml key", "  client_secret: ", "Zm9vYmFyYmF6cXV4", ""),
            around("json field with spaces", "{\"password\": \"", "p@ss w0rd!", "\", \"user\": \"ci\"}"),
            around("gitlab private token header", "PRIVATE-TOKEN: ", "abcdefghijklmnop1234", ""),
            around("bearer header", "> Authorization: Bearer ", "abc.def-ghi_jkl", ""),
            around("basic header", "< authorization: Basic ", "dXNlcjpwYXNzd29yZA==", ""),
            around("header in curl", "curl -H 'Authorization: token ", "0123456789abcdef", "' https://api.example.com"),
            around("header in json", "{\"Authorization\": \"Bearer ", "tok-777-888-999", "\"}"),
            new Planted("cookie header", "Cookie: sid=abc123def456; theme=dark",
                    "abc123def456", "Cookie: [redacted]"),
            new Planted("curl user", "curl -u admin:Adm1nPass https://nexus.example.com",
                    "Adm1nPass", "curl -u [redacted] https://nexus.example.com"),
            around("password flag", "mysql --password ", "s3cretDbPw", " -h db"),
            around("password flag with equals", "deploy --api-key=", "ak_live_998877", " --force"));

    /** A secret the redactor replaces by itself: the line is {@code before + secret + after}. */
    private static Planted around(String form, String before, String secret, String after) {
        return new Planted(form, before + secret + after, secret, before + "[redacted]" + after);
    }

    private PlantedSecrets() {
    }
}
