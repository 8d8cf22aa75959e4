package dev.ticket.server;

import dev.ticket.files.BackupArchive;
import dev.ticket.model.NewUser;
import dev.ticket.service.AccountService;
import dev.ticket.service.Backups;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Admin routes: users, their tokens, backups, the audit log. */
final class AdminHandlers {
    private static final Logger LOG = LoggerFactory.getLogger("ticket.http");
    private final AccountService accounts;
    private final Backups backups;

    AdminHandlers(AccountService accounts, Backups backups) {
        this.accounts = accounts;
        this.backups = backups;
    }

    /**
     * Streams a consistent snapshot as one tar (never whole in memory: the copy is on disk, in the data
     * directory, and is deleted when the answer ends, a client that goes away midway included).
     */
    void backup(Context ctx) throws IOException {
        try (BackupArchive.Snapshot snapshot = backups.snapshot(Requests.caller(ctx))) {
            String stamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString().replace(":", "");
            accounts.recordAudit(Requests.caller(ctx), "backup", "ticket-backup-" + stamp + ".tar");
            ctx.disableCompression();
            ctx.contentType("application/x-tar");
            ctx.header("Content-Disposition", ContentDisposition.attachment("ticket-backup-" + stamp + ".tar"));
            ctx.header("Cache-Control", "no-store");
            try (OutputStream out = ctx.outputStream()) {
                BackupArchive.write(snapshot, out);
            } catch (IOException e) {
                if (!ctx.res().isCommitted()) {
                    throw e;
                }
                // the client went away (or stopped reading past the idle timeout): nothing to answer
                LOG.warn("backup download ended early: {}", e.getMessage());
            }
        }
    }

    void users(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("items", accounts.users(Requests.caller(ctx))));
    }

    void addUser(Context ctx) throws IOException {
        Responses.json(ctx, 201, accounts.addUser(Requests.caller(ctx), Requests.json(ctx, NewUser.class)));
    }

    void issueToken(Context ctx) throws IOException {
        Integer expiresIn = Requests.intParam(ctx, "expires_in");
        Responses.json(ctx, 201, accounts.issueToken(Requests.caller(ctx), Requests.id(ctx),
                expiresIn == null ? null : expiresIn.longValue()));
    }

    void tokens(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("items", accounts.tokens(Requests.caller(ctx))));
    }

    void disable(Context ctx) throws IOException {
        Responses.json(ctx, accounts.setDisabled(Requests.caller(ctx), Requests.id(ctx), true));
    }

    void enable(Context ctx) throws IOException {
        Responses.json(ctx, accounts.setDisabled(Requests.caller(ctx), Requests.id(ctx), false));
    }

    void audit(Context ctx) throws IOException {
        Integer limit = Requests.intParam(ctx, "limit");
        String before = ctx.queryParam("before");
        long beforeId = before == null || before.isBlank() ? 0 : Requests.id(before.strip(), "before", true);
        Responses.json(ctx, Map.of("items", accounts.audit(Requests.caller(ctx), beforeId,
                limit == null ? 100 : limit)));
    }

    void revokeTokens(Context ctx) throws IOException {
        Responses.json(ctx, Map.of("revoked", accounts.revokeTokens(Requests.caller(ctx), Requests.id(ctx))));
    }
}
