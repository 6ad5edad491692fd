-- Live Sync between servers.

-- What a peer sees of an SSH key's private half: a fingerprint of it, never the key itself.
ALTER TABLE ssh_keys ADD COLUMN private_key_fingerprint text;

-- Per peer, the hash every item had at the last successful sync with that peer: the common
-- ancestor of a three-way compare.
CREATE TABLE sync_bases (
    peer_server_id text NOT NULL,
    kind           text NOT NULL,
    key            text NOT NULL,
    content_hash   char(64) NOT NULL,
    synced_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (peer_server_id, kind, key)
);

-- Packages this server applied, so that receiving one again changes nothing.
CREATE TABLE sync_received_packages (
    package_id       uuid PRIMARY KEY,
    source_server_id text NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    result           jsonb NOT NULL
);

-- Packages this server built for a peer that pulled them, until the peer confirms it applied
-- them (then their hashes become bases) or the offer expires.
CREATE TABLE sync_offered_packages (
    package_id     uuid PRIMARY KEY,
    peer_server_id text NOT NULL,
    created_at     timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sync_offered_items (
    package_id   uuid NOT NULL REFERENCES sync_offered_packages (package_id) ON DELETE CASCADE,
    kind         text NOT NULL,
    key          text NOT NULL,
    -- null: the package deletes the item
    content_hash char(64),
    PRIMARY KEY (package_id, kind, key)
);
