-- A new row's change sequence number and timestamps come from column defaults, which cost far
-- less than a PL/pgSQL row trigger: a bulk insert (a full sync, an import) no longer runs one
-- trigger call per row. Updates still go through the trigger, which keeps the bookkeeping of a
-- row whose content did not change and gives a changed row a new number.

ALTER TABLE ssh_keys ALTER COLUMN change_seq SET DEFAULT nextval('change_seq');
ALTER TABLE nodes ALTER COLUMN change_seq SET DEFAULT nextval('change_seq');
ALTER TABLE clusters ALTER COLUMN change_seq SET DEFAULT nextval('change_seq');
ALTER TABLE configurations ALTER COLUMN change_seq SET DEFAULT nextval('change_seq');

DROP TRIGGER ssh_keys_change ON ssh_keys;
DROP TRIGGER nodes_change ON nodes;
DROP TRIGGER clusters_change ON clusters;
DROP TRIGGER configurations_change ON configurations;

CREATE TRIGGER ssh_keys_change BEFORE UPDATE ON ssh_keys
    FOR EACH ROW EXECUTE FUNCTION track_item_change('ssh_key', 'name');
CREATE TRIGGER nodes_change BEFORE UPDATE ON nodes
    FOR EACH ROW EXECUTE FUNCTION track_item_change('node', 'hostname');
CREATE TRIGGER clusters_change BEFORE UPDATE ON clusters
    FOR EACH ROW EXECUTE FUNCTION track_item_change('cluster', 'name');
CREATE TRIGGER configurations_change BEFORE UPDATE ON configurations
    FOR EACH ROW EXECUTE FUNCTION track_item_change('configuration', 'name');
