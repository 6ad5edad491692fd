-- The content of each sync base, so that an item both sides changed since their last sync
-- can be merged field by field against what they had then. Kept once per content hash
-- (every peer with that base shares it), as the canonical JSON of the item's peer view (an
-- SSH private key only as its fingerprint), and forgotten once no base refers to it.
CREATE TABLE sync_base_contents (
    content_hash char(64)    PRIMARY KEY,
    content      text        NOT NULL,
    kept_at      timestamptz NOT NULL DEFAULT now()
);
