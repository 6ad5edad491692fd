-- The key that signs operator and peer tokens, encrypted with the master keyset: one per
-- database, so that every replica of the server accepts the tokens of the others. Deleting the
-- row (and restarting) logs everybody out.
CREATE TABLE server_secrets (
    name   text PRIMARY KEY,
    secret text NOT NULL
);
