-- A cancel asked through any replica: the replica running the job sees it with its next
-- heartbeat (within about a second) and stops the job.
ALTER TABLE sync_jobs ADD COLUMN cancel_requested_by text;
ALTER TABLE sync_jobs ADD COLUMN cancel_requested_at timestamptz;
