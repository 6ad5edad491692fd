-- Constraint checks before a sync look nodes up by IP address (two nodes must not end up
-- with the same one).
CREATE INDEX nodes_ip_idx ON nodes (ip);
