-- Bulk writes (imports, sync packages) insert and delete thousands of rows per statement. Keeping
-- tombstones with one statement-level trigger per statement (transition tables) instead of a
-- row trigger that built a JSON copy of every row makes such writes several times cheaper.

CREATE OR REPLACE FUNCTION track_item_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND NEW.content_hash = OLD.content_hash THEN
        NEW.change_seq := OLD.change_seq;
        NEW.created_at := OLD.created_at;
        NEW.updated_at := OLD.updated_at;
        RETURN NEW;
    END IF;
    NEW.change_seq := nextval('change_seq');
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

-- TG_ARGV: item kind, natural key column.
CREATE FUNCTION forget_tombstones() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('DELETE FROM tombstones t USING inserted i WHERE t.kind = %L AND t.key = i.%I',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;
ALTER FUNCTION forget_tombstones() SET search_path FROM CURRENT;

CREATE OR REPLACE FUNCTION record_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format('INSERT INTO tombstones (kind, key, content_hash, change_seq, deleted_at) '
                   || 'SELECT %L, d.%I, d.content_hash, nextval(''change_seq''), now() FROM deleted d '
                   || 'ON CONFLICT (kind, key) DO UPDATE SET content_hash = EXCLUDED.content_hash, '
                   || 'change_seq = EXCLUDED.change_seq, deleted_at = EXCLUDED.deleted_at',
                   TG_ARGV[0], TG_ARGV[1]);
    RETURN NULL;
END
$$;
ALTER FUNCTION record_tombstone() SET search_path FROM CURRENT;

DROP TRIGGER ssh_keys_delete ON ssh_keys;
DROP TRIGGER nodes_delete ON nodes;
DROP TRIGGER clusters_delete ON clusters;
DROP TRIGGER configurations_delete ON configurations;

CREATE TRIGGER ssh_keys_insert AFTER INSERT ON ssh_keys REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION forget_tombstones('ssh_key', 'name');
CREATE TRIGGER ssh_keys_delete AFTER DELETE ON ssh_keys REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION record_tombstone('ssh_key', 'name');
CREATE TRIGGER nodes_insert AFTER INSERT ON nodes REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION forget_tombstones('node', 'hostname');
CREATE TRIGGER nodes_delete AFTER DELETE ON nodes REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION record_tombstone('node', 'hostname');
CREATE TRIGGER clusters_insert AFTER INSERT ON clusters REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION forget_tombstones('cluster', 'name');
CREATE TRIGGER clusters_delete AFTER DELETE ON clusters REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION record_tombstone('cluster', 'name');
CREATE TRIGGER configurations_insert AFTER INSERT ON configurations REFERENCING NEW TABLE AS inserted
    FOR EACH STATEMENT EXECUTE FUNCTION forget_tombstones('configuration', 'name');
CREATE TRIGGER configurations_delete AFTER DELETE ON configurations REFERENCING OLD TABLE AS deleted
    FOR EACH STATEMENT EXECUTE FUNCTION record_tombstone('configuration', 'name');

-- Offers are transient (a pulled package until its peer confirms it): no need to survive a crash.
ALTER TABLE sync_offered_items SET UNLOGGED;
ALTER TABLE sync_offered_packages SET UNLOGGED;
