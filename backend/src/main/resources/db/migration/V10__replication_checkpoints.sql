-- Replication state for O(changes) compares: per peer, a checkpoint (the change sequence each
-- side had reached when everything but a residue was known to agree), the residue itself, and
-- the change feed that lists what changed on a side since a checkpoint.

-- The change feed reads rows by change sequence number.
CREATE INDEX ssh_keys_change_seq ON ssh_keys (change_seq);
CREATE INDEX nodes_change_seq ON nodes (change_seq);
CREATE INDEX clusters_change_seq ON clusters (change_seq);
CREATE INDEX configurations_change_seq ON configurations (change_seq);
CREATE INDEX tombstones_change_seq ON tombstones (change_seq);

-- Which peer's package last wrote a row (null: a change made here). A package applies what its
-- source already has, so the source's feed need not list it back; the apply transaction names
-- its source in the setting live_sync.origin.
ALTER TABLE ssh_keys ADD COLUMN change_origin text DEFAULT NULLIF(current_setting('live_sync.origin', true), '');
ALTER TABLE nodes ADD COLUMN change_origin text DEFAULT NULLIF(current_setting('live_sync.origin', true), '');
ALTER TABLE clusters ADD COLUMN change_origin text DEFAULT NULLIF(current_setting('live_sync.origin', true), '');
ALTER TABLE configurations ADD COLUMN change_origin text
    DEFAULT NULLIF(current_setting('live_sync.origin', true), '');
ALTER TABLE tombstones ADD COLUMN change_origin text;

-- A change takes its sequence number only once its transaction has an id. A reader that waits
-- for every transaction older than its snapshot to end then knows that no change numbered at
-- or below the sequence's last value is still invisible to it: the feed's stable watermark.
-- (A transaction gets its id at its first row write, which comes after the column defaults and
-- BEFORE triggers of that row; pg_current_xact_id() assigns it early.)
ALTER TABLE ssh_keys ALTER COLUMN change_seq
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('change_seq') END;
ALTER TABLE nodes ALTER COLUMN change_seq
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('change_seq') END;
ALTER TABLE clusters ALTER COLUMN change_seq
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('change_seq') END;
ALTER TABLE configurations ALTER COLUMN change_seq
    SET DEFAULT CASE WHEN pg_current_xact_id() IS NOT NULL THEN nextval('change_seq') END;

CREATE OR REPLACE FUNCTION track_item_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.content_hash = OLD.content_hash THEN
        NEW.change_seq := OLD.change_seq;
        NEW.change_origin := OLD.change_origin;
        NEW.created_at := OLD.created_at;
        NEW.updated_at := OLD.updated_at;
        RETURN NEW;
    END IF;
    PERFORM pg_current_xact_id();
    NEW.change_seq := nextval('change_seq');
    NEW.change_origin := NULLIF(current_setting('live_sync.origin', true), '');
    NEW.updated_at := now();
    IF TG_OP = 'INSERT' THEN
        NEW.created_at := now();
    ELSE
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END
$$;
ALTER FUNCTION track_item_change() SET search_path FROM CURRENT;

CREATE OR REPLACE FUNCTION record_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO tombstones (kind, key, content_hash, change_seq, deleted_at, change_origin) '
                   || 'SELECT %L, d.%I, d.content_hash, nextval(''change_seq''), now(), '
                   || 'NULLIF(current_setting(''live_sync.origin'', true), '''') FROM deleted d '
                   || 'ON CONFLICT (kind, key) DO UPDATE SET content_hash = EXCLUDED.content_hash, '
                   || 'change_seq = EXCLUDED.change_seq, deleted_at = EXCLUDED.deleted_at, '
                   || 'change_origin = EXCLUDED.change_origin',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;
ALTER FUNCTION record_tombstone() SET search_path FROM CURRENT;

-- One checkpoint per peer, written on both servers with the same id. Each side's sequence is
-- its own; a mismatch of ids (a database restored or recreated on one side, a failed write)
-- means the state is stale and the next compare is a full one.
CREATE TABLE sync_checkpoints (
    peer_server_id text PRIMARY KEY,
    checkpoint_id  uuid NOT NULL,
    local_seq      bigint NOT NULL,
    remote_seq     bigint NOT NULL,
    recorded_at    timestamptz NOT NULL DEFAULT now()
);

-- What did not agree at the checkpoint (unselected items, skipped conflicts): compared again
-- next time even if neither side changed it. Kept by the server that recorded the checkpoint.
CREATE TABLE sync_checkpoint_residue (
    peer_server_id text NOT NULL REFERENCES sync_checkpoints (peer_server_id) ON DELETE CASCADE,
    kind           text NOT NULL,
    key            text NOT NULL,
    PRIMARY KEY (peer_server_id, kind, key)
);
