package dev.ticket.service;

import com.github.benmanes.caffeine.cache.Cache;
import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import dev.ticket.store.Principal;
import dev.ticket.store.TicketStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
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

    /** The caller behind a bearer token, or UNAUTHORIZED. */
    public Caller authenticate(String token) {
        if (token == null || token.isBlank()) {
            throw new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                    "No token given: send Authorization: Bearer <token> (ticket login).");
        }
        Principal p = cache.principal(Tokens.hash(token.strip()))
                .orElseThrow(() -> new ServiceException(ServiceException.Kind.UNAUTHORIZED,
                        "The token is not valid or was revoked; log in again with ticket login."));
        return new Caller(p.userId(), p.name(), p.role(), p.accountId(), p.account());
    }

    public User me(Caller caller) {
        return new User(caller.userId(), caller.name(), caller.role(), caller.account(), null);
    }

    /** Creates a user (and its account when new) and returns it with its first token, shown once. */
    public User addUser(Caller caller, NewUser in) {
        requireAdmin(caller);
        return createUser(in);
    }

    User createUser(NewUser in) {
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
        String token = Tokens.newToken();
        User user = store.write(tx -> {
            Long accountId = account == null ? null : tx.accountId(account, true, clock.instant()).orElseThrow();
            User created = tx.insertUser(name, in.role(), accountId, clock.instant());
            tx.insertToken(created.id(), Tokens.hash(token), clock.instant());
            return created;
        });
        return withToken(user, token);
    }

    public List<User> users(Caller caller) {
        requireAdmin(caller);
        return store.read(tx -> tx.users());
    }

    /** Issues another token for a user (the old ones stay valid until revoked). */
    public User issueToken(Caller caller, long userId) {
        requireAdmin(caller);
        return issueToken(userId);
    }

    User issueToken(long userId) {
        String token = Tokens.newToken();
        User user = store.write(tx -> {
            User found = tx.user(userId).orElseThrow(() -> ServiceException.notFound("User " + userId));
            tx.insertToken(userId, Tokens.hash(token), clock.instant());
            return found;
        });
        return withToken(user, token);
    }

    /** Revokes every token of the user; returns how many were live. */
    public int revokeTokens(Caller caller, long userId) {
        requireAdmin(caller);
        int revoked = store.write(tx -> {
            tx.user(userId).orElseThrow(() -> ServiceException.notFound("User " + userId));
            return tx.revokeTokens(userId, clock.instant());
        });
        cache.tokensChanged();
        revocationListeners.forEach(listener -> listener.accept(userId));
        return revoked;
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
