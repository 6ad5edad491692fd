import type { FieldChange } from '../api/types';
import { describeFieldSide } from '../utils/format-change';
import type { FieldDecision } from '../utils/resolution';
import { FieldDecisionControl } from './field-decision';
import { FieldValue } from './field-value';

interface ResolveFieldProps {
  change: FieldChange;
  idBase: string;
  decision: FieldDecision | undefined;
  onDecide: (decision: FieldDecision) => void;
  localName: string;
  remoteName: string;
}

/** One field: its three values side by side, then the choice (or the side the merge takes). */
export function ResolveField({
  change,
  idBase,
  decision,
  onDecide,
  localName,
  remoteName,
}: ResolveFieldProps) {
  const field = change.field ?? '?';
  const side = describeFieldSide(change, localName, remoteName);
  const taken = change.changed_on === 'remote' ? change.remote : change.local;
  return (
    <li className={change.conflict ? 'resolve-field change-conflict' : 'resolve-field'}>
      <h3 className="resolve-field-name">
        <code>{field}</code>{' '}
        {change.conflict ? (
          <strong className="conflict-mark">
            <span aria-hidden="true">⚠ </span>conflict: changed on both, differently
          </strong>
        ) : (
          <span className="muted">changed on {side}</span>
        )}
      </h3>
      <dl className="three-values">
        <div>
          <dt>At the last sync</dt>
          <dd>
            <FieldValue field={field} value={change.base} where="the last sync" full />
          </dd>
        </div>
        <div>
          <dt>{localName} (this server)</dt>
          <dd>
            <FieldValue field={field} value={change.local} where={localName} full />
          </dd>
        </div>
        <div>
          <dt>{remoteName} (remote)</dt>
          <dd>
            <FieldValue field={field} value={change.remote} where={remoteName} full />
          </dd>
        </div>
      </dl>
      {change.conflict ? (
        <FieldDecisionControl
          change={change}
          decision={decision}
          onDecide={onDecide}
          localName={localName}
          remoteName={remoteName}
          idBase={idBase}
        />
      ) : (
        <p className="resolve-merge-takes">
          The merge takes the change on {side}:{' '}
          <FieldValue field={field} value={taken} where={side} />
        </p>
      )}
    </li>
  );
}
