// The history API's shapes, named once for the feature and taken from the
// generated schema.
import type { components } from '@/api/generated/schema';

type Schemas = components['schemas'];

export type HistoryEntry = Schemas['HistoryEntry'];
export type HistoryPage = Schemas['HistoryPage'];
export type HistoryDetail = Schemas['HistoryDetail'];
export type HistoryItem = Schemas['HistoryItem'];
export type HistoryChange = Schemas['HistoryChange'];
export type HistoryCounts = Schemas['HistoryCounts'];
export type RollbackResult = Schemas['RollbackResult'];
export type RollbackConflict = Schemas['RollbackConflict'];
export type RollbackKeep = Schemas['RollbackKeep'];

/** push: a peer pushed it here; pull: this server pulled it; rollback: the undo of another entry. */
export type Operation = HistoryEntry['operation'];

/** What an entry did to one item. */
export type ItemAction = HistoryItem['action'];

/** The four kinds, as history items name them. */
export type HistoryKind = HistoryItem['kind'];
