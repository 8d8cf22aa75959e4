package dev.ticket.store;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A migration written in Java because it fills an index from the rows already stored and logs its progress
 * (a million tickets take a minute): its version is also its checksum (the code of a shipped migration
 * never changes), and it runs in Flyway's transaction.
 */
abstract class RowMigration implements JavaMigration {
    private final int version;
    private final String description;

    RowMigration(int version, String description) {
        this.version = version;
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(String.valueOf(version));
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return version;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}
