-- What each package applied here (or each rollback) changed, with every item's row before and
-- after it: enough to show the change field by field and to undo it on this server alone.
CREATE TABLE sync_history (
    id              uuid PRIMARY KEY,
    applied_at      timestamptz NOT NULL DEFAULT now(),
    -- push: a peer pushed it here; pull: this server pulled it; rollback: an undo of rollback_of.
    operation       text NOT NULL CHECK (operation IN ('push', 'pull', 'rollback')),
    package_id      uuid,
    job_id          uuid,
    peer_server_id  text,
    peer_name       text,
    started_by      text,
    rollback_of     uuid REFERENCES sync_history (id) ON DELETE SET NULL,
    -- {applied, changed, deleted} per kind, as the apply counted them.
    counts          jsonb NOT NULL DEFAULT '{}',
    items           bigint NOT NULL DEFAULT 0
);
CREATE INDEX sync_history_applied_at_idx ON sync_history (applied_at DESC, id);
CREATE UNIQUE INDEX sync_history_rollback_of_idx ON sync_history (rollback_of) WHERE rollback_of IS NOT NULL;

-- One row per item an entry wrote. before/after: the item's row (a cluster with its members),
-- without bookkeeping columns; null where the item did not exist. An SSH key's private key stays
-- the ciphertext under this server's master keyset, as in ssh_keys.
CREATE TABLE sync_history_items (
    history_id  uuid NOT NULL REFERENCES sync_history (id) ON DELETE CASCADE,
    kind        text NOT NULL,
    key         text NOT NULL,
    before      jsonb,
    before_hash char(64),
    after       jsonb,
    after_hash  char(64),
    PRIMARY KEY (history_id, kind, key)
);
