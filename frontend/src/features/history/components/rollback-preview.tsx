import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { kindNoun } from '@/features/sync/utils/format-job';
import type { KindId } from '@/features/sync/api/types';
import type { RollbackConflict, RollbackResult } from '../api/types';
import {
  conflictId,
  conflictWords,
  itemName,
  rollbackSentence,
  type ConflictDecision,
} from '../utils/format-history';

/** Where the inventory pages edit an item of each kind. */
const EDITOR_PATHS = {
  nodes: 'nodes',
  clusters: 'clusters',
  ssh_keys: 'ssh-keys',
  configurations: 'configurations',
} as const satisfies Record<KindId, string>;

function editorPath(conflict: RollbackConflict): string | null {
  const base = Object.hasOwn(EDITOR_PATHS, conflict.kind)
    ? EDITOR_PATHS[conflict.kind as KindId]
    : null;
  return base ? `/${base}/${encodeURIComponent(conflict.key)}/edit` : null;
}

interface RollbackPreviewProps {
  result: RollbackResult;
  decisions: ReadonlyMap<string, ConflictDecision>;
  onDecide: (id: string, decision: ConflictDecision) => void;
  onDecideAll: (decision: ConflictDecision) => void;
}

/** The dry run's answer, and a decision per item changed again since the entry. */
export function RollbackPreview({
  result,
  decisions,
  onDecide,
  onDecideAll,
}: RollbackPreviewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The preview replaces the button that asked for it: take keyboard users to it.
  useEffect(() => heading.current?.focus(), []);
  const unlisted = result.conflict_count - result.conflicts.length;
  return (
    <div className="rollback-preview" role="region" aria-labelledby="rollback-preview-heading">
      <h3 id="rollback-preview-heading" ref={heading} tabIndex={-1}>
        Preview (dry run)
      </h3>
      <p className="result-sentence" data-testid="rollback-preview-sentence">
        {rollbackSentence(result)}
      </p>
      {result.conflict_count === 0 ? (
        <p>No item was changed again since the entry: the rollback restores them all.</p>
      ) : (
        <div className="warning rollback-conflicts" data-testid="rollback-conflicts">
          <p>
            <strong>
              {result.conflict_count === 1
                ? '1 item was changed again since this entry'
                : `${result.conflict_count} items were changed again since this entry`}
            </strong>
            , so the counts above leave {result.conflict_count === 1 ? 'it' : 'them'} out. For each,
            keep it as it is now, or overwrite it with its content from before the entry.
          </p>
          <div className="rollback-decide-all">
            <button
              type="button"
              className="button button-small"
              onClick={() => onDecideAll('keep')}
            >
              Keep all as they are now
            </button>
            <button
              type="button"
              className="button button-small"
              onClick={() => onDecideAll('overwrite')}
            >
              Overwrite all
            </button>
          </div>
          <ul className="rollback-conflict-list" aria-label="Changed since the entry">
            {result.conflicts.map((conflict) => (
              <ConflictChoice
                key={conflictId(conflict)}
                conflict={conflict}
                decision={decisions.get(conflictId(conflict))}
                onDecide={(decision) => onDecide(conflictId(conflict), decision)}
              />
            ))}
          </ul>
          {unlisted > 0 && (
            <p>
              {unlisted} more {unlisted === 1 ? 'is' : 'are'} not listed: a rollback overwrites{' '}
              {unlisted === 1 ? 'it' : 'them'} (it can only keep items it names).
            </p>
          )}
        </div>
      )}
    </div>
  );
}

function ConflictChoice({
  conflict,
  decision,
  onDecide,
}: {
  conflict: RollbackConflict;
  decision: ConflictDecision | undefined;
  onDecide: (decision: ConflictDecision) => void;
}) {
  const name = itemName(conflict.kind, conflict.key);
  const id = `rollback-${conflictId(conflict).replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const path = conflict.current_hash === null ? null : editorPath(conflict);
  return (
    <li className="rollback-conflict" data-decision={decision ?? 'undecided'}>
      <fieldset aria-label={`What to do with ${name}`}>
        <p className="rollback-conflict-name">
          {kindNoun(conflict.kind as KindId)} <strong>{conflict.key}</strong>:{' '}
          {conflictWords(conflict)}
          {path && (
            <>
              {' '}
              · <Link to={path}>see it now</Link>
            </>
          )}
        </p>
        <label>
          <input
            type="radio"
            name={id}
            checked={decision === 'keep'}
            onChange={() => onDecide('keep')}
          />{' '}
          Keep as it is now
        </label>
        <label>
          <input
            type="radio"
            name={id}
            checked={decision === 'overwrite'}
            onChange={() => onDecide('overwrite')}
          />{' '}
          Overwrite with its content from before the entry
        </label>
      </fieldset>
    </li>
  );
}
