-- Pulls of any size. The pulling server keeps the items a pull takes here while it runs,
-- not in memory: what it had of each when the job decided (the package applies an item only
-- if this server still has that) and how the job decided it. The sending server keeps the
-- keys a peer asked for here while it streams them, read back a batch at a time in key
-- order. Both are scratch space for one pull, removed when it ends (and swept when a server
-- stopped half way): unlogged, as a crash may lose them.
CREATE UNLOGGED TABLE sync_pull_items (
    pull_id    uuid        NOT NULL,
    kind       text        COLLATE "C" NOT NULL,
    key        text        COLLATE "C" NOT NULL,
    -- the hash this server had (or the mark of an absent item) when the job decided
    expect     text        NOT NULL,
    decision   text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (pull_id, kind, key)
);

CREATE UNLOGGED TABLE sync_pull_requests (
    request_id uuid        NOT NULL,
    kind       text        NOT NULL,
    -- byte order, as packages list their items: the primary key reads them in that order
    key        text        COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, kind, key)
);
