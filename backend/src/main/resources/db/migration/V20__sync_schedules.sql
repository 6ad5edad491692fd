-- Scheduled sync jobs: a cron expression, the registered peers it syncs with, and what each run's
-- job does. next_run_at is the due time a server claims by moving it on (one replica per due
-- time); missed_runs counts due times that passed with no server running them.
CREATE TABLE sync_schedules (
    name            text PRIMARY KEY,
    cron            text NOT NULL,
    peers           text[] NOT NULL,
    selection       jsonb NOT NULL,
    direction       text NOT NULL,
    conflict_policy text NOT NULL,
    apply           text NOT NULL CHECK (apply IN ('always', 'only_if_conflict_free')),
    paused          boolean NOT NULL DEFAULT false,
    next_run_at     timestamptz NOT NULL,
    last_run_at     timestamptz,
    last_job_ids    text[] NOT NULL DEFAULT '{}',
    last_error      text,
    missed_runs     integer NOT NULL DEFAULT 0,
    last_missed_at  timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX sync_schedules_due_idx ON sync_schedules (next_run_at) WHERE NOT paused;
