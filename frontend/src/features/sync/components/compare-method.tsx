import type { Comparison } from '../api/types';

/**
 * How the server compared: only what changed since the last sync (incremental), or
 * every item, and why. Says why the identical items are counted but not listed.
 */
export function CompareMethod({ method }: { method: Comparison['method'] }) {
  if (!method) return null;
  if (method.mode === 'incremental') {
    return (
      <p className="note" role="note" data-compare-mode="incremental">
        Compared incrementally: {method.candidates ?? 0} items changed on either server since the
        last sync, or were left different then. Everything else is identical and counted, not
        listed.
      </p>
    );
  }
  return (
    <p className="note" role="note" data-compare-mode="full">
      Compared every item: {method.reason}.
    </p>
  );
}
