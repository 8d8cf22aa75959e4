package dev.ticket.service;

import com.github.benmanes.caffeine.cache.Cache;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import dev.ticket.model.AuditEntry;
import dev.ticket.model.TokenInfo;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongConsumer;
import java.util.regex.Pattern;

/** Accounts, users and tokens (rules.md Roles): who may do what. */
public final class AccountService {
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} _.@+-]{0,99}");

    private final TicketStore store;
    private final Clock clock;
    private final ReadCache cache;
    private final List<LongConsumer> revocationListeners = new CopyOnWriteArrayList<>();
    /** When this node last wrote each token's {@code last_used_at}: at most once a minute per token. */
    private final Map<Long, Long> usedWritten = new ConcurrentHashMap<>();
    private static final long USE_WRITE_EVERY_MS = 60_000;
    private static final long MAX_EXPIRES_SECONDS = 100L * 365 * 24 * 3600;

    public AccountService(TicketStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        this.cache = new ReadCache(store);
        store.onTokensRevokedElsewhere(userId -> revocationListeners.forEach(listener -> listener.accept(userId)));
    }

    /** This service's token cache by name, for its hit rate in the metrics. */
    public Map<String, Cache<?, ?>> caches() {
        return cache.caches(List.of("principals"));
    }

    /** One client request's work, for {@link #request}. */
    @FunctionalInterface
    public interface RequestWork {
        void run() throws Exception;
    }

    /**
     * Runs one client request that came in just now: on a database that other nodes share, its version (which
     * the read caches check their entries against) is read once for the whole request ({@link
     * TicketStore#oneVersion}), so a request served from memory makes one round trip to the database, not one per
     * thing it reads.
     */
    public void request(RequestWork work) throws Exception {
        store.oneVersion(work::run);
    }

    /** The caller behind a bearer token, or UNAUTHORIZED. */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                    "No token given: send Authorization: Bearer <token> (ticket login).");
        }
        Principal p = cache.principal(Tokens.hash(token.strip()))
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                        "The token is not valid or was revoked; log in again with ticket login."));
        Instant now = clock.instant();
        if (p.expiresAt() != null && !now.isBefore(p.expiresAt())) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                    "The token expired at " + p.expiresAt() + "; ask an admin for a new one (ticket login).");
        }
        if (p.disabled()) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                    "User " + p.name() + " is disabled; ask an admin to enable it (ticket admin user enable).");
        }
        used(p.tokenId(), now);
        return new Caller(p.userId(), p.name(), p.role(), p.accountId(), p.account(), p.expiresAt(), null);
    }

    /** Notes the token's use in the store at most once a minute: a read path must not become a write path. */
    private void used(long tokenId, Instant now) {
        long millis = now.toEpochMilli();
        Long last = usedWritten.get(tokenId);
        if (last != null && millis - last < USE_WRITE_EVERY_MS) {
            return;
        }
        if (usedWritten.size() > 100_000) {
            usedWritten.clear();
        }
        if (last == null ? usedWritten.putIfAbsent(tokenId, millis) != null
                : !usedWritten.replace(tokenId, last, millis)) {
            return; // another request of this token is writing it now
        }
        try {
            store.write(tx -> {
                tx.tokenUsed(tokenId, now);
                return null;
            });
        } catch (RuntimeException e) {
            // only metadata: the request goes on, and a later one writes it
        }
    }

    public User me(Caller caller) {
        return new User(caller.userId(), caller.name(), caller.role(), caller.account(), null);
    }

    /** Creates a user (and its account when new) and returns it with its first token, shown once. */
    public User addUser(Caller caller, NewUser in) {
        requireAdmin(caller);
        return createUser(in, caller);
    }

    User createUser(NewUser in) {
        return createUser(in, null);
    }

    private User createUser(NewUser in, Caller by) {
        String name = in.name() == null ? "" : in.name().strip();
        if (!NAME.matcher(name).matches()) {
            throw ServiceException.validation("name must be 1-100 letters, digits, spaces or _.@+- .");
        }
        if (in.role() == null) {
            throw ServiceException.validation("role is required: customer, agent or admin.");
        }
        String account = in.account() == null || in.account().isBlank() ? null : in.account().strip();
        if (in.role() == Role.CUSTOMER && account == null) {
            throw ServiceException.validation("a customer needs an account.");
        }
        if (account != null && !NAME.matcher(account).matches()) {
            throw ServiceException.validation("account must be 1-100 letters, digits, spaces or _.@+- .");
        }
        Instant expires = expiresAt(in.expiresIn());
        String token = Tokens.newToken();
        User user = store.write(tx -> {
            refuseTakenName(tx, name, 0);
            Long accountId = account == null ? null : tx.accountId(account, true, clock.instant()).orElseThrow();
            User created = tx.insertUser(name, in.role(), accountId, clock.instant());
            tx.insertToken(created.id(), Tokens.hash(token), clock.instant(), expires);
            if (by != null) {
                audit(tx, by, "user.add", describe(created, expires), clock.instant());
            }
            return created;
        });
        return withToken(user, token);
    }

    public List<User> users(Caller caller) {
        requireAdmin(caller);
        return store.read(tx -> tx.users());
    }

    /** Issues another token for a user (the old ones stay valid until revoked). */
    public User issueToken(Caller caller, long userId, Long expiresInSeconds) {
        requireAdmin(caller);
        return issued(caller, userId, expiresAt(expiresInSeconds));
    }

    User issueToken(long userId) {
        return issued(null, userId, null);
    }

    private User issued(Caller by, long userId, Instant expires) {
        String token = Tokens.newToken();
        User user = store.write(tx -> {
            User found = tx.user(userId).orElseThrow(() -> ServiceException.notFound("User " + userId));
            tx.insertToken(userId, Tokens.hash(token), clock.instant(), expires);
            if (by != null) {
                audit(tx, by, "token.issue", describe(found, expires), clock.instant());
            }
            return found;
        });
        return withToken(user, token);
    }

    /** Revokes every token of the user; returns how many were live. */
    public int revokeTokens(Caller caller, long userId) {
        requireAdmin(caller);
        int revoked = store.write(tx -> {
            User found = tx.user(userId).orElseThrow(() -> ServiceException.notFound("User " + userId));
            int count = tx.revokeTokens(userId, clock.instant());
            audit(tx, caller, "token.revoke", describe(found) + ", " + count + " live", clock.instant());
            return count;
        });
        cache.tokensChanged();
        revocationListeners.forEach(listener -> listener.accept(userId));
        return revoked;
    }

    /**
     * Disables a user (their tokens stop working at once, their open streams end, they cannot log in) or
     * enables them again (the tokens they held work again unless revoked or expired).
     */
    public User setDisabled(Caller caller, long userId, boolean disabled) {
        requireAdmin(caller);
        if (disabled && userId == caller.userId()) {
            throw ServiceException.validation("you cannot disable yourself.");
        }
        User user = store.write(tx -> {
            User found = tx.user(userId).orElseThrow(() -> ServiceException.notFound("User " + userId));
            if (!disabled) {
                refuseTakenName(tx, found.name(), userId);
            }
            tx.setUserDisabled(userId, disabled, clock.instant());
            audit(tx, caller, disabled ? "user.disable" : "user.enable", describe(found), clock.instant());
            return tx.user(userId).orElseThrow();
        });
        cache.tokensChanged();
        if (disabled) {
            revocationListeners.forEach(listener -> listener.accept(userId));
        }
        return user;
    }

    /** Every token's metadata, newest first: never the token or its hash. */
    public List<TokenInfo> tokens(Caller caller) {
        requireAdmin(caller);
        return store.read(tx -> tx.tokens());
    }

    /** The audit log newest first, {@code limit} entries older than {@code beforeId} (0: the newest). */
    public List<AuditEntry> audit(Caller caller, long beforeId, int limit) {
        requireAdmin(caller);
        if (limit < 1 || limit > 1000) {
            throw ServiceException.validation("limit must be between 1 and 1000.");
        }
        return store.read(tx -> tx.audit(beforeId, limit));
    }

    /**
     * Records an admin action that is not a write to the store (a backup, say) in the audit log, in a
     * transaction of its own. Actions that write go through {@link #audit(dev.ticket.store.StoreTx, Caller,
     * String, String, Instant)} inside their own transaction instead.
     */
    public void recordAudit(Caller caller, String action, String target) {
        store.write(tx -> {
            audit(tx, caller, action, target, clock.instant());
            return null;
        });
    }

    /** Writes an audit entry for an admin action, in the action's own transaction. */
    static void audit(dev.ticket.store.StoreTx tx, Caller by, String action, String target, Instant at) {
        tx.appendAudit(by.userId(), by.name(), action, target, by.client(), at);
    }

    /**
     * A name names one enabled user (ignoring case), as a login does on GitHub: {@code assign --to NAME} and
     * {@code admin user disable NAME} must never have to ask which one. The store's unique index holds the
     * rule when two nodes add the same name at once; this check words the refusal.
     */
    private static void refuseTakenName(dev.ticket.store.StoreTx tx, String name, long userId) {
        tx.enabledUserNamed(name, userId).ifPresent(taken -> {
            throw ServiceException.validation("name '" + name + "' is taken: user #" + taken.id() + " ("
                    + taken.name() + ", " + taken.role().wire() + ") has it; choose another name, or disable #"
                    + taken.id() + " first (ticket admin user disable '#" + taken.id() + "').");
        });
    }

    private static String describe(User user) {
        return "user #" + user.id() + " " + user.name();
    }

    private static String describe(User user, Instant expires) {
        return describe(user) + (expires == null ? ""
                : ", token expires " + expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    private Instant expiresAt(Long seconds) {
        if (seconds == null) {
            return null;
        }
        if (seconds < 1 || seconds > MAX_EXPIRES_SECONDS) {
            throw ServiceException.validation("expires_in must be between 1 second and 100 years.");
        }
        return clock.instant().plus(Duration.ofSeconds(seconds));
    }

    /**
     * Registers a listener told a user's id right after that user's tokens were revoked (after the commit),
     * so that what the user still holds open (event streams) can end.
     */
    public void onTokensRevoked(LongConsumer listener) {
        revocationListeners.add(listener);
    }

    long userCount() {
        return store.read(tx -> tx.userCount());
    }

    java.util.Optional<User> userByName(String name) {
        return store.read(tx -> tx.userByName(name));
    }

    private static User withToken(User user, String token) {
        return new User(user.id(), user.name(), user.role(), user.account(), token);
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.admin()) {
            throw new ServiceException(ServiceException.Kind.FORBIDDEN, "Only admins manage users and tokens.");
        }
    }
}
