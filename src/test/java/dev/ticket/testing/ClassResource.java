package dev.ticket.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Something real a test class shares (a service, a cluster): opened before the class's first test and closed after
 * its last when registered as a JUnit extension, {@code @RegisterExtension static final ... = ....perClass(...)}.
 */
public abstract class ClassResource implements BeforeAllCallback, AfterAllCallback, AutoCloseable {
    /** Starts it. */
    protected abstract void open();

    @Override
    public abstract void close();

    @Override
    public final void beforeAll(ExtensionContext context) {
        open();
    }

    @Override
    public final void afterAll(ExtensionContext context) {
        close();
    }
}
