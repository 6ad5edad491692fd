-- Streamed packages as they arrive, before they are applied: the upload is stored first, in
-- short transactions of its own, so a slow or paused sender holds no lock and no open
-- transaction; the apply then reads it back at the server's own pace.
CREATE TABLE sync_staged_uploads (
    upload_id        uuid PRIMARY KEY,
    package_id       uuid NOT NULL,
    source_server_id text NOT NULL,
    started_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sync_staged_chunks (
    upload_id uuid NOT NULL REFERENCES sync_staged_uploads (upload_id) ON DELETE CASCADE,
    seq       integer NOT NULL,
    -- ciphertext as the sender encrypted it (or compressed lines, for an unencrypted package)
    data      bytea NOT NULL,
    PRIMARY KEY (upload_id, seq)
);
