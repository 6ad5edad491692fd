// A registered peer in words, for the peers page and the connect form.
import type { Peer, PeerLastJob } from '../api/types';
import { DIRECTIONS, JOB_STATUSES, isDirection, isJobStatus } from './job-list';

/** "3F:9A:0C…5A": the start and the end of a pinned fingerprint, enough to tell pins apart. */
export function shortFingerprint(fingerprint: string): string {
  return fingerprint.length <= 17
    ? fingerprint
    : `${fingerprint.slice(0, 8)}…${fingerprint.slice(-5)}`;
}

/** Which sync password sessions with the peer present. */
export function peerPasswordText(peer: Peer): string {
  return peer.has_password ? 'own' : "this server's";
}

/** Whether the next compare with the peer can be incremental. */
export function replicationText(peer: Peer): string {
  const { replication } = peer;
  if (replication.state === 'none') return 'none yet (the next compare is full)';
  return `checkpoint: here at ${replication.local_seq ?? '?'}, there at ${replication.remote_seq ?? '?'}`;
}

/** "✓ completed, → push", in the jobs page's words; an unknown word is shown as it is. */
export function lastJobParts(job: PeerLastJob): { icon: string; text: string } {
  const status = isJobStatus(job.status) ? JOB_STATUSES[job.status] : null;
  const direction = isDirection(job.direction) ? DIRECTIONS[job.direction] : null;
  return {
    icon: status?.icon ?? '',
    text: `${status?.label ?? job.status}, ${direction ? direction.label.toLowerCase() : job.direction}`,
  };
}
