-- A hybrid logical clock stamps every change, so that the conflict policy "newest" can tell
-- which of two changes came later without trusting wall clocks: a stamp is the wall time in
-- milliseconds shifted left 16 bits, or one more than the last stamp if that is larger; every
-- package a server applies moves its clock past the sender's (hlc_observe), so a change made
-- after a sync is always stamped later than everything the sync brought, however far the two
-- wall clocks are apart. live_sync.clock_skew_ms (unset in production) shifts the wall clock
-- that this database's stamps read, as tests simulate a server whose clock is off.
CREATE SEQUENCE sync_hlc;

CREATE FUNCTION hlc_wall() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT ((extract(epoch FROM clock_timestamp()) * 1000)::bigint
            + COALESCE(NULLIF(current_setting('live_sync.clock_skew_ms', true), '')::bigint, 0)) << 16
$$;

-- The stamp of a change made now.
CREATE FUNCTION hlc_next() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT GREATEST(nextval('sync_hlc'), hlc_wall())
$$;

-- The clock as a sender tells it to a peer.
CREATE FUNCTION hlc_now() RETURNS bigint LANGUAGE sql VOLATILE AS $$
    SELECT GREATEST((SELECT last_value FROM sync_hlc), hlc_wall())
$$;

-- Moves the clock past a peer's: every later stamp here is larger.
CREATE FUNCTION hlc_observe(peer bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_advisory_xact_lock(hashtext('sync_hlc'));
    IF peer > (SELECT last_value FROM sync_hlc) THEN
        PERFORM setval('sync_hlc', peer);
    END IF;
END
$$;
ALTER FUNCTION hlc_wall() SET search_path FROM CURRENT;
ALTER FUNCTION hlc_next() SET search_path FROM CURRENT;
ALTER FUNCTION hlc_now() SET search_path FROM CURRENT;
ALTER FUNCTION hlc_observe(bigint) SET search_path FROM CURRENT;

-- Rows from before the clock have no stamp: "newest" cannot decide them, and leaves them to
-- the operator.
ALTER TABLE ssh_keys ADD COLUMN changed_hlc bigint;
ALTER TABLE nodes ADD COLUMN changed_hlc bigint;
ALTER TABLE clusters ADD COLUMN changed_hlc bigint;
ALTER TABLE configurations ADD COLUMN changed_hlc bigint;
ALTER TABLE tombstones ADD COLUMN changed_hlc bigint;
ALTER TABLE ssh_keys ALTER COLUMN changed_hlc SET DEFAULT hlc_next();
ALTER TABLE nodes ALTER COLUMN changed_hlc SET DEFAULT hlc_next();
ALTER TABLE clusters ALTER COLUMN changed_hlc SET DEFAULT hlc_next();
ALTER TABLE configurations ALTER COLUMN changed_hlc SET DEFAULT hlc_next();

CREATE OR REPLACE FUNCTION track_item_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.content_hash = OLD.content_hash THEN
        NEW.change_seq := OLD.change_seq;
        NEW.change_origin := OLD.change_origin;
        NEW.changed_hlc := OLD.changed_hlc;
        NEW.created_at := OLD.created_at;
        NEW.updated_at := OLD.updated_at;
        RETURN NEW;
    END IF;
    PERFORM pg_current_xact_id();
    NEW.change_seq := nextval('change_seq');
    NEW.change_origin := NULLIF(current_setting('live_sync.origin', true), '');
    NEW.changed_hlc := hlc_next();
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
    EXECUTE format('INSERT INTO tombstones (kind, key, content_hash, change_seq, deleted_at, change_origin, '
                   || 'changed_hlc) SELECT %L, d.%I, d.content_hash, nextval(''change_seq''), now(), '
                   || 'NULLIF(current_setting(''live_sync.origin'', true), ''''), hlc_next() FROM deleted d '
                   || 'ON CONFLICT (kind, key) DO UPDATE SET content_hash = EXCLUDED.content_hash, '
                   || 'change_seq = EXCLUDED.change_seq, deleted_at = EXCLUDED.deleted_at, '
                   || 'change_origin = EXCLUDED.change_origin, changed_hlc = EXCLUDED.changed_hlc',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;
ALTER FUNCTION record_tombstone() SET search_path FROM CURRENT;
