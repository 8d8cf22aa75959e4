package dev.ticket.service;

import dev.ticket.model.NewUser;
import dev.ticket.model.Role;
import dev.ticket.model.User;
import java.util.Optional;

/** First start: an admin for an empty store; with {@code --dev}, a demo account to try things with. */
public final class Bootstrap {
    public static final String ADMIN = "admin";
    public static final String DEMO_ACCOUNT = "demo";
    public static final String DEMO_CUSTOMER = "demo-customer";
    public static final String DEMO_AGENT = "demo-agent";

    private final AccountService accounts;

    public Bootstrap(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The first admin with its token, when the store has no users yet. */
    public Optional<User> adminIfEmpty() {
        if (accounts.userCount() > 0) {
            return Optional.empty();
        }
        return Optional.of(accounts.createUser(new NewUser(ADMIN, Role.ADMIN, null)));
    }

    /** The demo customer and agent, created when missing, each with a fresh token. */
    public DemoUsers demoUsers() {
        return demoUsers(null, null);
    }

    /**
     * The demo customer and agent, created when missing. A saved token that still signs its demo user in is kept,
     * so a restarted {@code serve --dev} does not leave one more never-expiring token live each time; otherwise
     * the user gets a fresh token.
     */
    public DemoUsers demoUsers(String savedCustomerToken, String savedAgentToken) {
        return new DemoUsers(demo(DEMO_CUSTOMER, Role.CUSTOMER, savedCustomerToken),
                demo(DEMO_AGENT, Role.AGENT, savedAgentToken));
    }

    private User demo(String name, Role role, String saved) {
        return accounts.userByName(name)
                .map(existing -> signsIn(existing, saved)
                        ? new User(existing.id(), existing.name(), existing.role(), existing.account(), saved.strip())
                        : accounts.issueToken(existing.id()))
                .orElseGet(() -> accounts.createUser(new NewUser(name, role, DEMO_ACCOUNT)));
    }

    private boolean signsIn(User user, String token) {
        if (token == null || token.isBlank()) {
            return false;
        }
        try {
            return accounts.authenticate(token).userId() == user.id();
        } catch (ServiceException e) {
            return false; // revoked, expired, disabled, or from other data: a fresh token replaces it
        }
    }

    /** The demo users with their tokens. */
    public record DemoUsers(User customer, User agent) {
    }
}
