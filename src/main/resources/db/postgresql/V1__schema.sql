-- Timestamps are epoch milliseconds (UTC); booleans are 0/1.
CREATE TABLE accounts (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT    NOT NULL UNIQUE,
    created_at BIGINT NOT NULL
);

CREATE TABLE users (
    id         BIGSERIAL PRIMARY KEY,
    name       TEXT    NOT NULL,
    role       TEXT    NOT NULL CHECK (role IN ('customer', 'agent', 'admin')),
    account_id BIGINT REFERENCES accounts (id),
    created_at BIGINT NOT NULL
);

CREATE TABLE tokens (
    id         BIGSERIAL PRIMARY KEY,
    user_id    BIGINT NOT NULL REFERENCES users (id),
    hash       TEXT    NOT NULL UNIQUE,
    created_at BIGINT NOT NULL,
    revoked_at BIGINT
);

CREATE TABLE tickets (
    id                BIGSERIAL PRIMARY KEY,
    account_id        BIGINT NOT NULL REFERENCES accounts (id),
    author_id         BIGINT NOT NULL REFERENCES users (id),
    title             TEXT    NOT NULL,
    title_folded      TEXT    NOT NULL,
    status            TEXT    NOT NULL CHECK (status IN ('on_customer', 'done')),
    type              TEXT    NOT NULL,
    about             TEXT,
    dialog_url        TEXT,
    dedupe_key        TEXT,
    created_at        BIGINT NOT NULL,
    updated_at        BIGINT NOT NULL,
    closed_at         BIGINT,
    due_at            BIGINT NOT NULL,
    message_count     BIGINT NOT NULL DEFAULT 0,
    last_message_team BIGINT NOT NULL DEFAULT 0,
    activity          BIGINT NOT NULL
);
CREATE INDEX tickets_activity ON tickets (activity);
CREATE INDEX tickets_account_activity ON tickets (account_id, activity);
CREATE UNIQUE INDEX tickets_open_dedupe ON tickets (account_id, dedupe_key)
    WHERE dedupe_key IS NOT NULL AND status = 'on_customer';

CREATE TABLE ticket_refs (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    ref_id    BIGINT NOT NULL,
    PRIMARY KEY (ticket_id, ref_id)
);

CREATE TABLE ticket_labels (
    ticket_id BIGINT NOT NULL REFERENCES tickets (id),
    label     TEXT    NOT NULL,
    PRIMARY KEY (ticket_id, label)
);
CREATE INDEX ticket_labels_label ON ticket_labels (label);

CREATE TABLE messages (
    id         BIGSERIAL PRIMARY KEY,
    ticket_id  BIGINT NOT NULL REFERENCES tickets (id),
    author_id  BIGINT NOT NULL REFERENCES users (id),
    team       BIGINT NOT NULL,
    body       TEXT    NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX messages_ticket ON messages (ticket_id, id);

CREATE TABLE blobs (
    sha256     TEXT    PRIMARY KEY,
    size       BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);

CREATE TABLE attachments (
    id           BIGSERIAL PRIMARY KEY,
    message_id   BIGINT NOT NULL REFERENCES messages (id),
    ticket_id    BIGINT NOT NULL REFERENCES tickets (id),
    filename     TEXT    NOT NULL,
    content_type TEXT    NOT NULL,
    size         BIGINT NOT NULL,
    sha256       TEXT    NOT NULL REFERENCES blobs (sha256)
);
CREATE INDEX attachments_message ON attachments (message_id);

CREATE TABLE read_markers (
    user_id         BIGINT NOT NULL REFERENCES users (id),
    ticket_id       BIGINT NOT NULL REFERENCES tickets (id),
    last_message_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, ticket_id)
);

CREATE TABLE idempotency (
    user_id     BIGINT NOT NULL,
    key         TEXT    NOT NULL,
    fingerprint TEXT    NOT NULL,
    kind        TEXT,
    response    TEXT,
    created_at  BIGINT NOT NULL,
    PRIMARY KEY (user_id, key)
);

CREATE TABLE events (
    id         BIGSERIAL PRIMARY KEY,
    ticket_id  BIGINT NOT NULL,
    account_id BIGINT NOT NULL,
    kind       TEXT    NOT NULL,
    payload    TEXT    NOT NULL,
    created_at BIGINT NOT NULL
);
