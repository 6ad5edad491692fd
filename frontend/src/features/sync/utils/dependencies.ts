// What a selected cluster needs with it: its member nodes and the SSH keys
// they use, where those differ between the servers (or one lacks them) and
// are not selected yet. Without them a job would be refused for a missing
// reference; the page offers them in one click instead.
import type { ClusterUses } from '../api/cluster-uses';
import { isSelectable, rowId, wayOf, type Plan, type Row } from './comparison';

/** Clusters whose members are looked up at most: beyond that the job's own check is the guard. */
export const MAX_LOOKED_UP = 25;

export interface Dependencies {
  nodes: Row[];
  sshKeys: Row[];
}

/**
 * Whose version of the cluster the plan's job writes: this server's (its
 * members are read from the local inventory) or the remote's (only what the
 * comparison says of them is known); null when it goes nowhere.
 */
export function sourceOf(row: Row, plan: Plan): 'local' | 'remote' | null {
  switch (wayOf(row, plan)) {
    case 'to_remote':
    case 'both_sides':
      return row.entry.local_hash ? 'local' : null;
    case 'to_local':
      return row.entry.remote_hash ? 'remote' : null;
    default:
      return null;
  }
}

/** The remote's members of a cluster, from its `nodes` field change; null when not told. */
export function remoteMembers(row: Row): string[] | null {
  const change = row.entry.changes?.find((each) => each.field === 'nodes');
  if (!change || !Array.isArray(change.remote)) return null;
  return change.remote.flatMap((member: unknown) =>
    typeof member === 'object' &&
    member !== null &&
    typeof (member as { hostname?: unknown }).hostname === 'string'
      ? [(member as { hostname: string }).hostname]
      : [],
  );
}

/**
 * The rows of what a cluster uses that the plan's job can take and that are
 * neither identical nor selected: the prompt's offer; null when there is none.
 */
export function dependenciesOf(
  uses: ClusterUses,
  rows: readonly Row[],
  selected: ReadonlySet<string>,
  plan: Plan,
): Dependencies | null {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const offer = (kind: Row['kind'], keys: readonly string[]) =>
    keys.flatMap((key) => {
      const row = byId.get(rowId(kind, key));
      return row && row.status !== 'identical' && !selected.has(row.id) && isSelectable(row, plan)
        ? [row]
        : [];
    });
  const nodes = offer('nodes', uses.nodes);
  const sshKeys = offer('ssh_keys', uses.sshKeys);
  return nodes.length + sshKeys.length > 0 ? { nodes, sshKeys } : null;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** "its 3 nodes and 1 SSH key". */
export function dependenciesWords({ nodes, sshKeys }: Dependencies): string {
  const parts = [
    nodes.length > 0 && count(nodes.length, 'node'),
    sshKeys.length > 0 && count(sshKeys.length, 'SSH key'),
  ].filter(Boolean);
  return `its ${parts.join(' and ')}`;
}
