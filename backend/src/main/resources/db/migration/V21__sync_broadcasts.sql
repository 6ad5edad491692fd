-- One job to many peers: what it asked and each peer's result, kept after the process that ran
-- it (the peers' own jobs are in sync_jobs).
CREATE TABLE sync_broadcasts (
    id          uuid PRIMARY KEY,
    started_by  text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    view        jsonb NOT NULL
);
CREATE INDEX sync_broadcasts_started_at_idx ON sync_broadcasts (started_at DESC);
