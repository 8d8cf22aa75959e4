package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.app.TicketApp;
import dev.ticket.cli.config.Settings;
import dev.ticket.server.ServerSettings;
import dev.ticket.server.TlsIdentity;
import dev.ticket.testing.ServeProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS end to end (SPEC 7.5): {@code ticket serve --tls-cert --tls-key} with a self-signed certificate made by
 * openssl for 127.0.0.1, the CLI trusting it through {@code --ca-file}/{@code TICKET_CA_FILE} and refusing it
 * without; wrong certificate and key files as one line and exit 2; no token over plain http to another host.
 */
class TlsTest {
    @TempDir
    static Path certs;
    static Path cert;
    static Path key;
    static TicketApp app;
    static String adminToken;

    /** Runs openssl with these arguments in the certificate directory; fails the test when it fails. */
    static void openssl(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(certs.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        assertEquals(0, p.exitValue(), "openssl " + String.join(" ", args) + ":\n" + out);
    }

    /** A self-signed certificate for localhost and 127.0.0.1 with KEY (made first when it does not exist). */
    static void selfSigned(String certName, String keyName, String... newKey) throws Exception {
        List<String> args = new ArrayList<>(List.of("req", "-x509", "-days", "2", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-out", certName));
        if (newKey.length > 0) {
            args.addAll(List.of(newKey));
            args.addAll(List.of("-nodes", "-keyout", keyName));
        } else {
            args.addAll(List.of("-key", keyName));
        }
        openssl(args.toArray(String[]::new));
    }

    @BeforeAll
    static void start() throws Exception {
        selfSigned("cert.pem", "key.pem", "-newkey", "rsa:2048");   // key.pem: PKCS#8
        cert = certs.resolve("cert.pem");
        key = certs.resolve("key.pem");
        Path data = Files.createDirectories(certs.resolve("data"));
        app = TicketApp.start(ServerSettings.sqlite(data, 0).withTls(TlsIdentity.load(cert, key)));
        adminToken = Files.readString(data.resolve(TicketApp.ADMIN_TOKEN_FILE)).strip();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    static CliHarness customer(String name) {
        CliHarness admin = new CliHarness(app.url()).token(adminToken).env("TICKET_CA_FILE", cert.toString());
        String token = admin.ok("admin", "user", "add", name, "--role", "customer", "--account", "tls-" + name,
                "--json").replaceAll("(?s).*\"token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        return new CliHarness(app.url()).token(token);
    }

    @Test
    void the_cli_works_over_https_when_told_to_trust_the_certificate() {
        assertTrue(app.url().startsWith("https://127.0.0.1:"), app.url());
        CliHarness vera = customer("vera").env("TICKET_CA_FILE", cert.toString());
        String id = vera.open("Over TLS", "Encrypted on the way");
        assertTrue(vera.ok("list").contains("Over TLS"));
        CliHarness flag = new CliHarness(app.url()).token(vera.token());
        assertTrue(flag.ok("--ca-file", cert.toString(), "show", id).contains("Encrypted on the way"),
                "--ca-file works as TICKET_CA_FILE does");
    }

    @Test
    void an_untrusted_certificate_is_one_line_naming_the_way_to_trust_it_without_retrying() {
        CliHarness stranger = customer("stranger");
        long start = System.nanoTime();
        CliHarness.Result r = stranger.run("list");
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals(6, r.exit(), r.toString());
        assertEquals("", r.out());
        assertTrue(r.err().contains("certificate is not signed by a CA this machine trusts"), r.err());
        assertTrue(r.err().contains("--ca-file FILE or TICKET_CA_FILE"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(ms < 5_000, "no retries with backoff for a certificate: " + ms + " ms");
    }

    @Test
    void a_bad_ca_file_is_a_usage_error() throws Exception {
        CliHarness c = customer("badca");
        CliHarness.Result missing = c.env("TICKET_CA_FILE", certs.resolve("nope.pem").toString()).run("list");
        assertEquals(2, missing.exit(), missing.toString());
        assertTrue(missing.err().contains("the CA file " + certs.resolve("nope.pem") + " does not exist"),
                missing.err());
        CliHarness.Result notPem = c.env("TICKET_CA_FILE", key.toString()).run("list");
        assertEquals(2, notPem.exit(), notPem.toString());
        assertTrue(notPem.err().contains("holds no PEM certificate"), notPem.err());
    }

    @Test
    void no_token_over_plain_http_to_a_host_that_is_not_this_machine() {
        CliHarness far = new CliHarness("http://ticket.example.invalid:8765").token("secret-token");
        CliHarness.Result r = far.run("list");
        assertEquals(2, r.exit(), r.toString());
        assertEquals("ticket: refusing to send the token over plain http:// to ticket.example.invalid, where anyone "
                + "on the way could read it: use https://, or --allow-http (TICKET_ALLOW_HTTP=1) on a network you "
                + "trust", r.err().lines().findFirst().orElse(""));
        assertFalse(r.err().contains("secret-token"));
        CliHarness.Result login = new CliHarness("http://10.1.2.3").run("login", "--token", "t");
        assertEquals(2, login.exit(), "login sends a token too: " + login);
    }

    @Test
    void which_hosts_count_as_this_machine() {
        for (String host : List.of("127.0.0.1", "127.1.2.3", "localhost", "LocalHost", "api.localhost", "[::1]",
                "[0:0:0:0:0:0:0:1]")) {
            assertTrue(Settings.loopback(host), host);
        }
        for (String host : List.of("10.0.0.1", "128.0.0.1", "127.0.0.1.example.com", "localhost.example.com",
                "example.com", "[::2]", "[fe80::1]", "0.0.0.0", "127.0.0.256")) {
            assertFalse(Settings.loopback(host), host);
        }
    }

    @Test
    void allow_http_by_flag_or_environment_lets_the_request_go() {
        GlobalOptions none = new GlobalOptions();
        Map<String, String> env = Map.of("XDG_CONFIG_HOME", certs.resolve("cfg").toString(),
                "TICKET_SERVER", "http://support.internal:8765");
        assertThrows(UsageException.class, () -> Settings.resolve(none, env).clientConfig("t"));
        assertEquals("http://support.internal:8765", Settings.resolve(none, env).clientConfig(null).server()
                .toString(), "nothing to protect without a token");
        Map<String, String> allowed = new java.util.HashMap<>(env);
        allowed.put("TICKET_ALLOW_HTTP", "1");
        assertEquals("support.internal", Settings.resolve(none, allowed).clientConfig("t").server().getHost());
        GlobalOptions flag = new GlobalOptions();
        flag.allowHttp = true;
        assertEquals("support.internal", Settings.resolve(flag, env).clientConfig("t").server().getHost());
        Map<String, String> local = Map.of("XDG_CONFIG_HOME", certs.resolve("cfg").toString(),
                "TICKET_SERVER", "http://localhost:8765");
        assertEquals("localhost", Settings.resolve(none, local).clientConfig("t").server().getHost());
    }

    @Test
    void pkcs1_rsa_and_sec1_ec_keys_load_too() throws Exception {
        openssl("rsa", "-in", "key.pem", "-traditional", "-out", "rsa1.pem");
        assertTrue(Files.readString(certs.resolve("rsa1.pem")).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertEquals("CN=localhost", TlsIdentity.load(cert, certs.resolve("rsa1.pem")).subject());
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-out", "ec.pem");   // EC PARAMETERS, then the key
        assertTrue(Files.readString(certs.resolve("ec.pem")).contains("-----BEGIN EC PRIVATE KEY-----"));
        selfSigned("ec-cert.pem", "ec.pem");
        assertEquals("CN=localhost", TlsIdentity.load(certs.resolve("ec-cert.pem"), certs.resolve("ec.pem"))
                .subject());
    }

    @Test
    void serve_refuses_wrong_tls_files_with_one_line_and_exit_2() throws Exception {
        selfSigned("other.pem", "other-key.pem", "-newkey", "rsa:2048");
        openssl("pkey", "-in", "key.pem", "-aes256", "-passout", "pass:x", "-out", "encrypted.pem");
        Path data = certs.resolve("unused-data");
        String missing = certs.resolve("missing.pem").toString();
        Map<List<String>, String> cases = Map.of(
                List.of("--tls-cert", cert.toString()), "--tls-cert and --tls-key go together",
                List.of("--tls-cert", missing, "--tls-key", key.toString()),
                "TLS: the certificate file " + missing + " does not exist.",
                List.of("--tls-cert", key.toString(), "--tls-key", key.toString()),
                "TLS: " + key + " holds no PEM certificate",
                List.of("--tls-cert", cert.toString(), "--tls-key", cert.toString()),
                "TLS: " + cert + " holds no PEM private key",
                List.of("--tls-cert", cert.toString(), "--tls-key", certs.resolve("other-key.pem").toString()),
                "does not belong to the certificate in " + cert,
                List.of("--tls-cert", cert.toString(), "--tls-key", certs.resolve("encrypted.pem").toString()),
                "is encrypted");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            List<String> args = new ArrayList<>(List.of("serve", "--port", "0", "--data", data.toString()));
            args.addAll(c.getKey());
            CliHarness.Result r = new CliHarness(null).run(args.toArray(String[]::new));
            assertEquals(2, r.exit(), c.getKey() + ": " + r);
            assertTrue(r.err().lines().findFirst().orElse("").contains(c.getValue()), c.getKey() + ": " + r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(data), "nothing was created");
    }

    @Test
    void ticket_serve_says_it_listens_on_https() throws Exception {
        try (ServeProcess serve = ServeProcess.start(certs.resolve("process-data"), "--tls-cert", cert.toString(),
                "--tls-key", key.toString())) {
            assertTrue(serve.url().startsWith("https://127.0.0.1:"), serve.url());
            CliHarness admin = new CliHarness(serve.url()).token(serve.adminToken(serve.dataDir()))
                    .env("TICKET_CA_FILE", cert.toString());
            assertTrue(admin.ok("whoami").contains("admin"));
        }
    }
}
