-- Operator sessions, shared by the replicas of a server: one replica compares, another starts
-- the job. The remote's password is encrypted with the master keyset; the comparison is kept
-- as the operator reviewed it.
CREATE TABLE sync_sessions (
    id                 uuid PRIMARY KEY,
    remote             jsonb NOT NULL,
    password_secret    text NOT NULL,
    remote_fingerprint text,
    comparison         jsonb NOT NULL,
    created_at         timestamptz NOT NULL,
    last_used_at       timestamptz NOT NULL
);
CREATE INDEX sync_sessions_last_used_idx ON sync_sessions (last_used_at);
