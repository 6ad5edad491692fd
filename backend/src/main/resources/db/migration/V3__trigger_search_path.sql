-- The change-tracking functions name the sequence and the tombstones table without a schema.
-- Pin their search path to the schema they were created in, so that they work whatever the
-- session's search path is (pg_dump's output, for one, empties it).
ALTER FUNCTION track_item_change() SET search_path FROM CURRENT;
ALTER FUNCTION record_tombstone() SET search_path FROM CURRENT;
