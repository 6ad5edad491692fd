-- hash_quarter() splits each content hash for the digests, four calls per written row. A SQL
-- function with a SET clause is never inlined, so every call paid a full function call and
-- search_path switch: about two thirds of the cost of inserting 100k nodes. It uses only
-- built-ins (always found first, in pg_catalog), so it needs no search_path of its own.
ALTER FUNCTION hash_quarter(text, integer) RESET search_path;
