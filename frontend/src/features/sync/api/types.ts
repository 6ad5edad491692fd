// The sync API's shapes and words, named once for the feature and taken from
// the generated schema: when the contract gains or loses a status, phase or
// kind, the maps keyed by these unions stop compiling.
import type { components } from '@/api/generated/schema';

type Schemas = components['schemas'];

export type SyncSettings = Schemas['SyncSettings'];
export type SyncSession = Schemas['SessionResponse'];
export type RemoteServer = Schemas['RemoteServer'];
export type Comparison = Schemas['Comparison'];
export type ComparisonSummary = Schemas['Summary'];
export type ComparisonEntry = Schemas['ComparisonEntry'];
export type FieldChange = Schemas['FieldChange'];
export type KindCounts = Schemas['KindCounts'];
/** Progress counts, without the event's `type` tag. */
export type JobProgress = Omit<Schemas['Progress'], 'type'>;
export type JobCompleted = Schemas['Completed'];
export type JobStarted = Schemas['JobStarted'];
/** A job as GET /sync/jobs lists it: running or ended, with its result or problem. */
export type JobView = Schemas['JobView'];
export type JobStatus = JobView['status'];

/**
 * Which way a job moves items: to the remote (push), from it (pull), or each
 * item from the side that changed it to the other (both).
 */
export type Direction = NonNullable<Schemas['StartJobRequest']['direction']>;

/** What one direction of a job did, and how far it is. */
export type SideResult = Schemas['SideResult'];
export type SideProgress = Schemas['SideProgress'];

/** Natural keys per kind (`{"nodes": ["node-01"]}`), as POST /sync/jobs takes them. */
export type Selection = Schemas['Selection'];

/** The four sections of an inventory and of a comparison. */
export type KindId = keyof Schemas['KindCounts'];

/** Where an item stands between this server (local) and the remote. */
export type StatusId = keyof Schemas['KindComparison'];

/** The stages a job goes through, as its `phase` events name them. */
export type PhaseId = Schemas['Phase']['phase'];

/** What a job did with one item, as its `item` events say. */
export type ItemStatusId = Schemas['JobItem']['status'];

/**
 * The policies the page offers for conflicts both ways (POST /sync/jobs
 * `conflict_policy`): manual is the default and is left unsaid; skip and
 * overwrite are the CLI's.
 */
export type ConflictPolicy = Extract<
  NonNullable<Schemas['StartJobRequest']['conflict_policy']>,
  'prefer_local' | 'prefer_remote' | 'newest'
>;

/** An inventory rule a sync would break, with its fix (a comparison's and a refused job's). */
export type ConstraintConflict = Schemas['ConstraintConflict'];

/** The operator's decision on the conflicting fields of one item (POST /sync/jobs `resolutions`). */
export type ConflictResolution = Schemas['ConflictResolution'];

/** A registered remote (GET /sync/peers): picked by name, with its last contact and job. */
export type Peer = Schemas['PeerView'];
export type PeerReplication = Schemas['Replication'];
export type PeerLastJob = Schemas['LastJob'];

/** A sync to many peers at once (GET /sync/broadcasts/{id}): a job per peer. */
export type Broadcast = Schemas['BroadcastView'];
export type BroadcastStatus = Broadcast['status'];
export type BroadcastStarted = Schemas['BroadcastStarted'];
/** One peer of a broadcast: its state, its job, and its result or problem. */
export type BroadcastPeerResult = Schemas['PeerResult'];
export type BroadcastPeerStatus = BroadcastPeerResult['status'];

/** A sync schedule (GET /sync/schedules): cron, peers, what and how, its next runs and last run. */
export type Schedule = Schemas['ScheduleView'];
/** Whether a scheduled run applies whatever it finds, or only when its compare finds no conflict. */
export type ScheduleApply = Schedule['apply'];
/** What "Run now" recorded: a job per peer that answered, and why the others did not. */
export type ScheduleRun = Schemas['ScheduleRun'];
/** Every conflict policy a job (and so a schedule) takes, manual included. */
export type AnyConflictPolicy = NonNullable<Schemas['StartJobRequest']['conflict_policy']>;

/**
 * Per kind, "all" or a list of natural keys, kinds not named left alone; or
 * "all" of every kind (a job's and a schedule's `selection`).
 */
export type SelectionOfKinds = 'all' | Partial<Record<KindId, 'all' | string[]>>;
