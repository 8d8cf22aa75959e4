package dev.ticket.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ticket.app.ServeSettings;
import dev.ticket.cli.command.ServeCommand;
import dev.ticket.server.Guards;
import dev.ticket.server.ServerSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The {@code ticket serve} settings of SPEC 7.1: defaults, the forms they take, and one clear line when wrong. */
class ServeGuardOptionsTest {
    @TempDir
    Path dir;

    private ServerSettings parse(String... args) {
        ServeCommand serve = new ServeCommand();
        new CommandLine(serve).parseArgs(args);
        return ServeSettings.of(serve.options(Map.of("HOME", dir.toString())));
    }

    @Test
    void defaultsAreTheSpecs() {
        ServerSettings s = parse();
        assertEquals(6_000, s.guards().writesPerMinute());
        assertEquals(Duration.ofSeconds(10), s.guards().headerTimeout());
        assertEquals(20, s.guards().failuresPerMinute());
        assertEquals(List.of(), s.guards().trustedProxies());
        assertEquals(100L * 1024 * 1024, s.guards().minFreeSpace());
        assertEquals(0, s.service().accountQuotaBytes(), "no quota unless asked");
    }

    @Test
    void valuesTakeTheFormsPeopleType() {
        ServerSettings s = parse("--write-rate", "100/s", "--account-quota", "10GiB", "--header-timeout", "2s",
                "--min-body-rate", "0", "--auth-failures", "0", "--trusted-proxy", "10.0.0.0/8",
                "--trusted-proxy", "::1", "--min-free-space", "1.5G");
        Guards g = s.guards();
        assertEquals(6_000, g.writesPerMinute());
        assertEquals(10L << 30, s.service().accountQuotaBytes());
        assertEquals(Duration.ofSeconds(2), g.headerTimeout());
        assertEquals(0, g.minBodyRate());
        assertEquals(0, g.failuresPerMinute());
        assertEquals(List.of("10.0.0.0/8", "::1"), g.trustedProxies());
        assertEquals((long) (1.5 * (1L << 30)), g.minFreeSpace());
        assertEquals(0, parse("--write-rate", "0").guards().writesPerMinute(), "0 turns it off");
        ServerSettings sizes = parse("--max-file-size", "100MiB", "--stream-buffer", "2M");
        assertEquals(100L << 20, sizes.service().maxFileBytes(), "as the other size options read sizes");
        assertEquals(2L << 20, sizes.streams().maxUnsentBytes());
        assertEquals(4096, parse("--max-file-size", "4096").service().maxFileBytes(), "bytes, as before");
        assertEquals(25L << 20, parse().service().maxFileBytes(), "25MiB by default");
    }

    @Test
    void aWrongValueIsOneLineAndExit2() {
        for (String[] bad : List.of(new String[] {"--write-rate", "lots"}, new String[] {"--account-quota", "5XB"},
                new String[] {"--trusted-proxy", "10.0.0.0/99"}, new String[] {"--header-timeout", "0s"},
                new String[] {"--min-free-space", "-1"})) {
            String[] args = new String[bad.length + 3];
            args[0] = "serve";
            System.arraycopy(bad, 0, args, 1, bad.length);
            args[bad.length + 1] = "--data";
            args[bad.length + 2] = dir.resolve("data").toString();
            CliHarness.Result r = new CliHarness(null).run(args);
            assertEquals(2, r.exit(), String.join(" ", bad) + ": " + r);
            assertTrue(r.err().startsWith("ticket: ") && r.err().contains(bad[0]), r.err());
        }
    }
}
