-- The inventory: nodes, clusters (with node assignments), SSH keys and configurations.
-- Every item is identified across servers by its natural key (hostname or name), which is
-- therefore the primary key and never changes. Each row carries the SHA-256 of its canonical
-- syncable content and a change sequence number; deleting a row leaves a tombstone.

CREATE TABLE server_identity (
    singleton  boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    server_id  uuid NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
INSERT INTO server_identity (server_id) VALUES (gen_random_uuid());

-- One sequence for all kinds: a server-wide order of changes.
CREATE SEQUENCE change_seq;

CREATE TABLE tombstones (
    kind         text NOT NULL,
    key          text NOT NULL,
    content_hash char(64) NOT NULL,
    change_seq   bigint NOT NULL,
    deleted_at   timestamptz NOT NULL,
    PRIMARY KEY (kind, key)
);

CREATE TABLE ssh_keys (
    name                   text PRIMARY KEY,
    public_key             text NOT NULL,
    fingerprint            text NOT NULL,
    -- Tink AEAD ciphertext (base64) under the server's master keyset; never leaves unencrypted.
    private_key_ciphertext text,
    path                   text,
    content_hash           char(64) NOT NULL,
    change_seq             bigint NOT NULL,
    created_at             timestamptz NOT NULL DEFAULT now(),
    updated_at             timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE nodes (
    hostname        text PRIMARY KEY,
    ip              text NOT NULL,
    username        text NOT NULL,
    ssh_port        integer NOT NULL CHECK (ssh_port BETWEEN 1 AND 65535),
    -- Deferrable so that a bulk load or a sync package may carry a node before its key.
    ssh_key         text REFERENCES ssh_keys (name) DEFERRABLE INITIALLY IMMEDIATE,
    microk8s_status text NOT NULL,
    wol             jsonb,
    hardware        jsonb,
    content_hash    char(64) NOT NULL,
    change_seq      bigint NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nodes_ssh_key_idx ON nodes (ssh_key);

CREATE TABLE clusters (
    name         text PRIMARY KEY,
    description  text,
    ha_enabled   boolean NOT NULL,
    settings     jsonb,
    content_hash char(64) NOT NULL,
    change_seq   bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- A MicroK8s node joins one cluster at most, hence the unique hostname (deferrable, so that one
-- bulk load or sync package can move a node from one cluster to another).
CREATE TABLE cluster_nodes (
    cluster  text NOT NULL REFERENCES clusters (name) ON DELETE CASCADE DEFERRABLE INITIALLY IMMEDIATE,
    hostname text NOT NULL CONSTRAINT cluster_nodes_hostname_fkey REFERENCES nodes (hostname) DEFERRABLE INITIALLY IMMEDIATE,
    role     text NOT NULL CHECK (role IN ('control-plane', 'worker')),
    PRIMARY KEY (cluster, hostname),
    CONSTRAINT cluster_nodes_hostname_key UNIQUE (hostname) DEFERRABLE INITIALLY IMMEDIATE
);

CREATE TABLE configurations (
    name         text PRIMARY KEY,
    kind         text NOT NULL CHECK (kind IN ('config', 'playbook', 'template')),
    content      text NOT NULL,
    settings     jsonb,
    content_hash char(64) NOT NULL,
    change_seq   bigint NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

-- Sequence numbers, timestamps and tombstones are kept by the database itself, so that no
-- write path (API, bulk import, sync) can forget them. TG_ARGV: item kind, natural key column.
CREATE FUNCTION track_item_change() RETURNS trigger LANGUAGE plpgsql AS $$
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
        DELETE FROM tombstones WHERE kind = TG_ARGV[0] AND key = to_jsonb(NEW) ->> TG_ARGV[1];
    ELSE
        NEW.created_at := OLD.created_at;
    END IF;
    RETURN NEW;
END
$$;

CREATE FUNCTION record_tombstone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO tombstones (kind, key, content_hash, change_seq, deleted_at)
    VALUES (TG_ARGV[0], to_jsonb(OLD) ->> TG_ARGV[1], OLD.content_hash, nextval('change_seq'), now())
    ON CONFLICT (kind, key) DO UPDATE
        SET content_hash = EXCLUDED.content_hash, change_seq = EXCLUDED.change_seq, deleted_at = EXCLUDED.deleted_at;
    RETURN OLD;
END
$$;

CREATE TRIGGER ssh_keys_change BEFORE INSERT OR UPDATE ON ssh_keys
    FOR EACH ROW EXECUTE FUNCTION track_item_change('ssh_key', 'name');
CREATE TRIGGER ssh_keys_delete AFTER DELETE ON ssh_keys
    FOR EACH ROW EXECUTE FUNCTION record_tombstone('ssh_key', 'name');
CREATE TRIGGER nodes_change BEFORE INSERT OR UPDATE ON nodes
    FOR EACH ROW EXECUTE FUNCTION track_item_change('node', 'hostname');
CREATE TRIGGER nodes_delete AFTER DELETE ON nodes
    FOR EACH ROW EXECUTE FUNCTION record_tombstone('node', 'hostname');
CREATE TRIGGER clusters_change BEFORE INSERT OR UPDATE ON clusters
    FOR EACH ROW EXECUTE FUNCTION track_item_change('cluster', 'name');
CREATE TRIGGER clusters_delete AFTER DELETE ON clusters
    FOR EACH ROW EXECUTE FUNCTION record_tombstone('cluster', 'name');
CREATE TRIGGER configurations_change BEFORE INSERT OR UPDATE ON configurations
    FOR EACH ROW EXECUTE FUNCTION track_item_change('configuration', 'name');
CREATE TRIGGER configurations_delete AFTER DELETE ON configurations
    FOR EACH ROW EXECUTE FUNCTION record_tombstone('configuration', 'name');
