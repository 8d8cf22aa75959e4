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
        return new DemoUsers(demo(DEMO_CUSTOMER, Role.CUSTOMER), demo(DEMO_AGENT, Role.AGENT));
    }

    private User demo(String name, Role role) {
        return accounts.userByName(name)
                .map(existing -> accounts.issueToken(existing.id()))
                .orElseGet(() -> accounts.createUser(new NewUser(name, role, DEMO_ACCOUNT)));
    }

    /** The demo users with their new tokens. */
    public record DemoUsers(User customer, User agent) {
    }
}
