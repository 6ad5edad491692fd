-- TRUNCATE fires no row or delete triggers: start a truncated kind's digest from zero.
CREATE FUNCTION forget_digest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM inventory_digest_deltas WHERE kind = TG_ARGV[0];
    RETURN NULL;
END
$$;
ALTER FUNCTION forget_digest() SET search_path FROM CURRENT;

CREATE TRIGGER ssh_keys_digest_truncate AFTER TRUNCATE ON ssh_keys FOR EACH STATEMENT EXECUTE FUNCTION forget_digest('ssh_key');
CREATE TRIGGER nodes_digest_truncate AFTER TRUNCATE ON nodes FOR EACH STATEMENT EXECUTE FUNCTION forget_digest('node');
CREATE TRIGGER clusters_digest_truncate AFTER TRUNCATE ON clusters FOR EACH STATEMENT EXECUTE FUNCTION forget_digest('cluster');
CREATE TRIGGER configurations_digest_truncate AFTER TRUNCATE ON configurations FOR EACH STATEMENT EXECUTE FUNCTION forget_digest('configuration');
