-- Peer sessions, shared by the replicas of a server: a peer connects through one replica and
-- sends its package through another. Ending a session deletes its row, which revokes its token
-- on every replica at once.
CREATE TABLE sync_peer_sessions (
    session_id     text PRIMARY KEY,
    peer_server_id text NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX sync_peer_sessions_expires_idx ON sync_peer_sessions (expires_at);

-- Rate limits and login throttling, counted across replicas: each client's bucket holds how many
-- requests it has used (draining at the limit's rate) as of updated_at, and when it will be
-- empty again (then the row can go). Counted in requests, so a changed limit applies to what a
-- client already used.
CREATE TABLE rate_limit_buckets (
    bucket      text PRIMARY KEY,
    used        double precision NOT NULL,
    updated_at  timestamptz NOT NULL,
    drained_at  timestamptz NOT NULL
);
CREATE INDEX rate_limit_buckets_drained_idx ON rate_limit_buckets (drained_at);
