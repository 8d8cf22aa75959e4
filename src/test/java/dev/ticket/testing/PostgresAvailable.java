package dev.ticket.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class, with the reason in the report, when no PostgreSQL answers at
 * {@code TICKET_TEST_PG_URL}; under {@code TICKET_REQUIRE_PG=1} it never skips, so the tests fail instead.
 */
public final class PostgresAvailable implements ExecutionCondition {
    private static volatile String unreachable;
    private static volatile boolean checked;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if ("1".equals(System.getenv("TICKET_REQUIRE_PG"))) {
            return ConditionEvaluationResult.enabled("TICKET_REQUIRE_PG=1: PostgreSQL tests always run");
        }
        String reason = reason();
        return reason == null ? ConditionEvaluationResult.enabled("PostgreSQL answers")
                : ConditionEvaluationResult.disabled(reason);
    }

    private static synchronized String reason() {
        if (!checked) {
            String url = PgDatabase.adminUrl();
            try (Connection c = DriverManager.getConnection(url)) {
                unreachable = null;
            } catch (SQLException e) {
                unreachable = "Skipped: no PostgreSQL at " + url + " (" + e.getMessage()
                        + "). Set TICKET_TEST_PG_URL to an admin JDBC URL to run the PostgreSQL tests.";
            }
            checked = true;
        }
        return unreachable;
    }
}
