-- Registered remotes: a name for a URL, the certificate to pin, the peer's own sync password
-- (encrypted with the master keyset, bound to the peer's name; never returned), and what the last
-- contact learned of it.
CREATE TABLE sync_peers (
    name            text PRIMARY KEY,
    url             text NOT NULL,
    fingerprint     text,
    password_secret text,
    server_id       text,
    server_name     text,
    last_contact_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
-- A peer's last job.
CREATE INDEX sync_jobs_remote_url_idx ON sync_jobs (remote_url, started_at DESC);
