-- Timestamps are epoch milliseconds (UTC); booleans are 0/1.
CREATE TABLE accounts (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL
);

CREATE TABLE users (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
    account_id INTEGER REFERENCES accounts (id),
    created_at INTEGER NOT NULL
);

CREATE TABLE tokens (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id),
    hash       TEXT    NOT NULL UNIQUE,
    created_at INTEGER NOT NULL,
    revoked_at INTEGER
);

CREATE TABLE tickets (
    id                INTEGER PRIMARY KEY,
    account_id        INTEGER NOT NULL REFERENCES accounts (id),
    author_id         INTEGER NOT NULL REFERENCES users (id),
    title             TEXT    NOT NULL,
    title_folded      TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('on_customer', 'done')),
    type              TEXT    NOT NULL,
    about             TEXT,
    dialog_url        TEXT,
    dedupe_key        TEXT,
    created_at        INTEGER NOT NULL,
    updated_at        INTEGER NOT NULL,
    closed_at         INTEGER,
    due_at            INTEGER NOT NULL,
    message_count     INTEGER NOT NULL DEFAULT 0,
    last_message_team INTEGER NOT NULL DEFAULT 0,
    activity          INTEGER NOT NULL
);
CREATE INDEX tickets_activity ON tickets (activity);
CREATE INDEX tickets_account_activity ON tickets (account_id, activity);
CREATE UNIQUE INDEX tickets_open_dedupe ON tickets (account_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL AND status = 'on_customer';

CREATE TABLE ticket_refs (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    ref_id    INTEGER NOT NULL,
    PRIMARY KEY (ticket_id, ref_id)
);

CREATE TABLE ticket_labels (
    ticket_id INTEGER NOT NULL REFERENCES tickets (id),
    label     TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, label)
);
CREATE INDEX ticket_labels_label ON ticket_labels (label);

CREATE TABLE messages (
    id         INTEGER PRIMARY KEY,
    ticket_id  INTEGER NOT NULL REFERENCES tickets (id),
    author_id  INTEGER NOT NULL REFERENCES users (id),
    team       INTEGER NOT NULL,
    body       TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);

CREATE TABLE blobs (
    sha256     TEXT    PRIMARY KEY,
    size       INTEGER NOT NULL,
    created_at INTEGER NOT NULL
);

CREATE TABLE attachments (
    id           INTEGER PRIMARY KEY,
    message_id   INTEGER NOT NULL REFERENCES messages (id),
    ticket_id    INTEGER NOT NULL REFERENCES tickets (id),
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         INTEGER NOT NULL,
    sha256       TEXT    NOT NULL REFERENCES blobs (sha256)
);
CREATE INDEX attachments_message ON attachments (message_id);

CREATE TABLE read_markers (
    user_id         INTEGER NOT NULL REFERENCES users (id),
    ticket_id       INTEGER NOT NULL REFERENCES tickets (id),
    last_message_id INTEGER NOT NULL,
    PRIMARY KEY (user_id, ticket_id)
);

CREATE TABLE idempotency (
    user_id     INTEGER NOT NULL,
    key         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    kind        TEXT,
    response    TEXT,
    created_at  INTEGER NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    ticket_id  INTEGER NOT NULL,
    account_id INTEGER NOT NULL,
    kind       TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    created_at INTEGER NOT NULL
);
