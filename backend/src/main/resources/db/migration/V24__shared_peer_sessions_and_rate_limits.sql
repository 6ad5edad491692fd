-- Peer sessions, shared by the replicas of a server: a peer connects through one replica and
-- sends its package through another. Ending a session deletes its row, which revokes its token
-- on every replica at once.
CREATE TABLE sync_peer_sessions (
    session_id     text PRIMARY KEY,
    peer_server_id text NOT NULL,
    expires_at     timestamptz NOT NULL
);
CREATE INDEX sync_peer_sessions_expires_idx ON sync_peer_sessions (expires_at);

-- Rate limits and login throttling, counted across replicas. Each bucket is kept as its
-- "theoretical arrival time" (the generic cell rate algorithm): one timestamp per client that
-- moves forward by one interval per request; a bucket whose time has passed is full and can go.
CREATE TABLE rate_limit_buckets (
    bucket      text PRIMARY KEY,
    arrival_at  timestamptz NOT NULL
);
CREATE INDEX rate_limit_buckets_arrival_idx ON rate_limit_buckets (arrival_at);
