-- Who did what, from where and when. Each entry carries the hash of the one before it (and its
-- own, over both), so that an entry edited or deleted in the database breaks the chain.
CREATE TABLE audit_log (
    seq            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at             timestamptz NOT NULL,
    action         text NOT NULL,
    actor          text,
    client_address text,
    details        jsonb NOT NULL DEFAULT '{}',
    prev_hash      char(64) NOT NULL,
    hash           char(64) NOT NULL
);
CREATE INDEX audit_log_at_idx ON audit_log (at DESC);
