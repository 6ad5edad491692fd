-- A digest per kind of item: the XOR of all content hashes, with the number of items. Two
-- servers whose digests agree for a kind hold the same items of that kind, which a compare then
-- need not list one by one. Kept as deltas appended per statement (no row every writer must
-- lock), summed on read and compacted now and then.

CREATE TABLE inventory_digest_deltas (
    id    bigserial PRIMARY KEY,
    kind  text NOT NULL,
    items bigint NOT NULL,
    d1    bigint NOT NULL,
    d2    bigint NOT NULL,
    d3    bigint NOT NULL,
    d4    bigint NOT NULL
);

-- The i-th 64-bit quarter (0..3) of a hex SHA-256.
CREATE FUNCTION hash_quarter(h text, i integer) RETURNS bigint IMMUTABLE LANGUAGE sql AS $$
    SELECT ('x' || substr(h, i * 16 + 1, 16))::bit(64)::bigint
$$;

-- TG_ARGV: item kind. Rows added count +1, rows removed -1; XOR cancels a hash seen twice.
CREATE FUNCTION track_digest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO inventory_digest_deltas (kind, items, d1, d2, d3, d4)
        SELECT TG_ARGV[0], count(*), coalesce(bit_xor(hash_quarter(content_hash, 0)), 0),
               coalesce(bit_xor(hash_quarter(content_hash, 1)), 0), coalesce(bit_xor(hash_quarter(content_hash, 2)), 0),
               coalesce(bit_xor(hash_quarter(content_hash, 3)), 0)
        FROM added HAVING count(*) > 0;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO inventory_digest_deltas (kind, items, d1, d2, d3, d4)
        SELECT TG_ARGV[0], -count(*), coalesce(bit_xor(hash_quarter(content_hash, 0)), 0),
               coalesce(bit_xor(hash_quarter(content_hash, 1)), 0), coalesce(bit_xor(hash_quarter(content_hash, 2)), 0),
               coalesce(bit_xor(hash_quarter(content_hash, 3)), 0)
        FROM removed HAVING count(*) > 0;
    END IF;
    RETURN NULL;
END
$$;
ALTER FUNCTION track_digest() SET search_path FROM CURRENT;
ALTER FUNCTION hash_quarter(text, integer) SET search_path FROM CURRENT;

CREATE TRIGGER ssh_keys_digest_insert AFTER INSERT ON ssh_keys REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('ssh_key');
CREATE TRIGGER ssh_keys_digest_update AFTER UPDATE ON ssh_keys REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('ssh_key');
CREATE TRIGGER ssh_keys_digest_delete AFTER DELETE ON ssh_keys REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('ssh_key');
CREATE TRIGGER nodes_digest_insert AFTER INSERT ON nodes REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('node');
CREATE TRIGGER nodes_digest_update AFTER UPDATE ON nodes REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('node');
CREATE TRIGGER nodes_digest_delete AFTER DELETE ON nodes REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('node');
CREATE TRIGGER clusters_digest_insert AFTER INSERT ON clusters REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('cluster');
CREATE TRIGGER clusters_digest_update AFTER UPDATE ON clusters REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('cluster');
CREATE TRIGGER clusters_digest_delete AFTER DELETE ON clusters REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('cluster');
CREATE TRIGGER configurations_digest_insert AFTER INSERT ON configurations REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('configuration');
CREATE TRIGGER configurations_digest_update AFTER UPDATE ON configurations REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('configuration');
CREATE TRIGGER configurations_digest_delete AFTER DELETE ON configurations REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION track_digest('configuration');

-- What is already there.
INSERT INTO inventory_digest_deltas (kind, items, d1, d2, d3, d4)
SELECT kind, count(*), coalesce(bit_xor(hash_quarter(content_hash, 0)), 0), coalesce(bit_xor(hash_quarter(content_hash, 1)), 0),
       coalesce(bit_xor(hash_quarter(content_hash, 2)), 0), coalesce(bit_xor(hash_quarter(content_hash, 3)), 0)
FROM (SELECT 'ssh_key' AS kind, content_hash FROM ssh_keys UNION ALL SELECT 'node', content_hash FROM nodes
      UNION ALL SELECT 'cluster', content_hash FROM clusters UNION ALL SELECT 'configuration', content_hash FROM configurations) all_items
GROUP BY kind;
