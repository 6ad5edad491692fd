// The sync API's shapes, named once for the feature. The generated schema marks
// every property optional (springdoc leaves `required` out), so code reading
// them still checks for absence.
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
export type JobProgress = Schemas['Progress'];
export type JobCompleted = Schemas['Completed'];
export type JobStarted = Schemas['JobStarted'];

/** Natural keys per kind (`{"nodes": ["node-01"]}`), as POST /sync/jobs takes them. */
export type Selection = Partial<Record<KindId, string[]>>;

/** The four sections of an inventory and of a comparison. */
export type KindId = 'nodes' | 'clusters' | 'ssh_keys' | 'configurations';

/** Where an item stands between this server (local) and the remote. */
export type StatusId = Exclude<keyof ComparisonSummary, 'total'>;
