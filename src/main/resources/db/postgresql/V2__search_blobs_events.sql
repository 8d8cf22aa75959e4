-- Title search: `title_folded LIKE '%text%'` is answered from a trigram index, not a scan.
-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX tickets_title_trgm ON tickets USING gin (title_folded gin_trgm_ops);

-- Attachment bytes live in the database, so every node serves every file. A blob is written in
-- chunks of at most 256 KiB in one transaction together with its `blobs` row; the row exists only
-- when all chunks do. Deleting the row (orphan sweep) deletes the chunks.
CREATE TABLE blob_chunks (
    sha256 TEXT    NOT NULL REFERENCES blobs (sha256) ON DELETE CASCADE,
    seq    INTEGER NOT NULL,
    data   BYTEA   NOT NULL,
    PRIMARY KEY (sha256, seq)
);
-- Most attachments (images, archives) are compressed already: store chunks out of line, uncompressed.
ALTER TABLE blob_chunks ALTER COLUMN data SET STORAGE EXTERNAL;

-- The sweep asks "does any attachment name this blob?" and deleting a blob checks the same.
CREATE INDEX attachments_sha256 ON attachments (sha256);

-- Event streams read "after id N" for one account or one ticket.
CREATE INDEX events_account ON events (account_id, id);
CREATE INDEX events_ticket ON events (ticket_id, id);
