-- Jobs outlive the process that ran them: their status, result and the events a late reader
-- replays. A running job's process beats its heart_at; a job whose heart stopped (its server
-- stopped or crashed) is shown as failed, interrupted.
CREATE TABLE sync_jobs (
    id          uuid PRIMARY KEY,
    status      text NOT NULL CHECK (status IN ('running', 'completed', 'failed')),
    direction   text NOT NULL,
    remote_url  text,
    remote_name text,
    started_by  text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    heart_at    timestamptz NOT NULL DEFAULT now(),
    -- GET /sync/jobs/{id} as it stood when last saved, and the replay: phases and end event.
    view        jsonb NOT NULL,
    phases      jsonb NOT NULL DEFAULT '[]',
    end_event   jsonb
);
CREATE INDEX sync_jobs_started_at_idx ON sync_jobs (started_at DESC, id);
CREATE INDEX sync_jobs_running_idx ON sync_jobs (heart_at) WHERE status = 'running';
