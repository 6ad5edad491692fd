import { useState } from 'react';
import { rowElementId, rowInfo, wayOf, type Row, type Way } from '../utils/comparison';
import { dependenciesWords, type Dependencies } from '../utils/dependencies';
import { isResolvable } from '../utils/resolution';
import { useDependencyOffers } from './dependency-context';
import { usePlan } from './plan-context';
import { EntryChanges } from './entry-changes';
import { useResolver } from './resolve-context';
import { StatusIcon } from './status-icon';

interface ComparisonRowProps {
  row: Row;
  selected: boolean;
  onToggle: (id: string, on: boolean) => void;
  localName: string;
  remoteName: string;
}

const COLUMNS = 4;

const WAY_WORDS = {
  to_remote: { icon: '→', words: 'remote', label: 'goes to the remote' },
  to_local: { icon: '←', words: 'here', label: 'comes here' },
  both_sides: { icon: '⇄', words: 'both sides', label: 'the merge goes to both servers' },
  newest: {
    icon: '⇄',
    words: 'newer change wins',
    label: "the newer change, by the servers' logical clocks, goes to both servers",
  },
  conflict: { icon: '↷', words: 'skipped conflict', label: 'skipped: conflict' },
} as const satisfies Record<Way, { icon: string; words: string; label: string }>;

/** Which way a row goes in a sync both ways. */
function WayBadge({ way }: { way: Way }) {
  const { icon, words, label } = WAY_WORDS[way];
  return (
    <span className="way-badge" data-way={way} title={label}>
      <span aria-hidden="true">{icon}</span> {words}
    </span>
  );
}

/**
 * A selected cluster's offer: the member nodes and their SSH keys that differ
 * (or are missing) on the other side and are not selected, in one click.
 */
function DependencyPrompt({
  clusterKey,
  offer,
  onSelect,
}: {
  clusterKey: string;
  offer: Dependencies;
  onSelect: () => void;
}) {
  const names = [
    ...offer.nodes.map((row) => row.entry.key),
    ...offer.sshKeys.map((row) => `SSH key ${row.entry.key ?? ''}`),
  ].join(', ');
  return (
    <p className="dependency-prompt" data-testid="dependency-prompt">
      {/* The visible words first, then whose they are. */}
      <button
        type="button"
        className="button button-small"
        aria-label={`Also select ${dependenciesWords(offer)} (of ${clusterKey})`}
        onClick={onSelect}
      >
        Also select {dependenciesWords(offer)}
      </button>{' '}
      <span className="muted">{names}: not selected, and not the same on both servers</span>
    </p>
  );
}

export function ComparisonRow({
  row,
  selected,
  onToggle,
  localName,
  remoteName,
}: ComparisonRowProps) {
  const [expanded, setExpanded] = useState(false);
  const plan = usePlan();
  const resolver = useResolver();
  const dependencies = useDependencyOffers();
  const offer = selected ? dependencies?.offers.get(row.id) : undefined;
  const status = rowInfo(row, plan);
  // Both ways, rows go either way: each says which.
  const way = plan.direction === 'both' ? wayOf(row, plan) : null;
  const key = row.entry.key ?? '';
  const changes = row.entry.changes?.length ?? 0;
  const expandable =
    row.status === 'different' || row.status === 'conflict' || row.status === 'merged';
  const detailsId = `changes-${row.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <>
      {/* Focusable from script only: where a constraint conflict's link takes the operator. */}
      <tr
        role="row"
        id={rowElementId(row.id)}
        tabIndex={-1}
        className={selected ? 'row-selected' : undefined}
      >
        <td role="cell" className="select-cell" data-label="Select">
          {/* Not offered when a push cannot act on it; the reason shows on hover
              and is read out with the box. */}
          <span title={status.selectable ? undefined : status.explanation}>
            <input
              type="checkbox"
              aria-label={`Select ${key}`}
              checked={selected}
              disabled={!status.selectable}
              aria-description={status.selectable ? undefined : status.explanation}
              onChange={(event) => onToggle(row.id, event.target.checked)}
            />
          </span>
        </td>
        <td role="cell" data-label="Name" className="key-cell">
          {key}
        </td>
        <td role="cell" data-label="Status">
          <span className="status-badge" data-status={row.status} title={status.explanation}>
            <StatusIcon status={row.status} /> {status.label}
          </span>
          {way && <WayBadge way={way} />}
        </td>
        <td role="cell" data-label="Details" className="details-cell">
          {offer && dependencies && (
            <DependencyPrompt
              clusterKey={key}
              offer={offer}
              onSelect={() => dependencies.select([...offer.nodes, ...offer.sshKeys])}
            />
          )}
          {resolver && isResolvable(row) && (
            <button
              type="button"
              className="button button-small"
              disabled={Boolean(resolver.unavailableBecause)}
              title={resolver.unavailableBecause}
              aria-label={`Resolve the conflict of ${key}`}
              onClick={() => resolver.open(row)}
            >
              Resolve…
            </button>
          )}
          {expandable ? (
            // One name whether open or shut ("1 change of node-02"); aria-expanded says which.
            <button
              type="button"
              className="button button-small"
              aria-expanded={expanded}
              aria-controls={detailsId}
              onClick={() => setExpanded(!expanded)}
            >
              <span aria-hidden="true">{expanded ? '▾' : '▸'}</span>&nbsp;
              {changes === 1 ? '1 change' : `${changes} changes`}{' '}
              <span className="visually-hidden">of {key}</span>
            </button>
          ) : (
            <span className="muted">{status.explanation}</span>
          )}
        </td>
      </tr>
      {expanded && (
        <tr role="row" className="changes-row">
          <td role="cell" colSpan={COLUMNS}>
            <EntryChanges
              id={detailsId}
              entry={row.entry}
              status={row.status}
              localName={localName}
              remoteName={remoteName}
            />
          </td>
        </tr>
      )}
    </>
  );
}
