-- Pushes that resume after a dropped connection: an upload its sender marked resumable is kept
-- under its package id when the connection drops, with how far it got, so the sender can ask
-- and send only the rest. Each chunk is stored together with the advance of received_bytes in
-- one statement: the two always agree, whenever the connection (or this server) stops.
ALTER TABLE sync_staged_uploads
    ADD COLUMN resumable      boolean NOT NULL DEFAULT false,
    -- the package header as it was sent (X-Sync-Package): a resumed upload must send the same
    ADD COLUMN header         text,
    ADD COLUMN received_bytes bigint  NOT NULL DEFAULT 0,
    ADD COLUMN chunks         integer NOT NULL DEFAULT 0,
    -- the stream's last chunk is here: only the commit is left
    ADD COLUMN complete       boolean NOT NULL DEFAULT false,
    -- the last chunk's arrival: an upload untouched for long is abandoned, and cleaned up
    ADD COLUMN touched_at     timestamptz NOT NULL DEFAULT now();

-- One kept upload per package: a resumed upload finds it by package id.
CREATE UNIQUE INDEX sync_staged_uploads_resumable_package ON sync_staged_uploads (package_id) WHERE resumable;
