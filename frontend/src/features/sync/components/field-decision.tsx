import type { FieldChange } from '../api/types';
import { describeEdited, editText, type FieldDecision } from '../utils/resolution';

interface FieldDecisionProps {
  change: FieldChange;
  decision: FieldDecision | undefined;
  onDecide: (decision: FieldDecision) => void;
  localName: string;
  remoteName: string;
  /** Unique in the dialog, for the radios' group and the ids. */
  idBase: string;
}

/** The choice for one conflicting field: this server's value, the remote's, or an edited one. */
export function FieldDecisionControl({
  change,
  decision,
  onDecide,
  localName,
  remoteName,
  idBase,
}: FieldDecisionProps) {
  const field = change.field ?? '';
  const editId = `${idBase}-edit`;
  const hintId = `${idBase}-hint`;
  // An edit starts from the side picked so far, else this server's value.
  const startEdit = () => {
    const from = decision?.take === 'remote' ? change.remote : (change.local ?? change.remote);
    onDecide({ take: 'edit', text: editText(from) });
  };
  const choices = [
    { id: 'local', label: `This server (${localName})`, pick: () => onDecide({ take: 'local' }) },
    { id: 'remote', label: `Remote (${remoteName})`, pick: () => onDecide({ take: 'remote' }) },
    { id: 'edit', label: 'Edit', pick: startEdit },
  ] as const;
  return (
    <fieldset className="field-decision">
      <legend>Keep for {field}</legend>
      <div className="field-decision-choices">
        {choices.map((choice) => (
          <label key={choice.id} className="check-chip">
            <input
              type="radio"
              name={idBase}
              checked={decision?.take === choice.id}
              onChange={choice.pick}
            />
            {choice.label}
          </label>
        ))}
      </div>
      {decision?.take === 'edit' && (
        <div className="field">
          <label htmlFor={editId}>Your value of {field}</label>
          <textarea
            id={editId}
            value={decision.text}
            rows={Math.min(8, Math.max(1, decision.text.split('\n').length))}
            spellCheck={false}
            aria-describedby={hintId}
            onChange={(event) => onDecide({ take: 'edit', text: event.target.value })}
          />
          <p id={hintId} className="field-hint">
            Read as {describeEdited(decision.text)}. Valid JSON is read as JSON (<code>16</code>,{' '}
            <code>true</code>, <code>{'{"cpu": 8}'}</code>; <code>null</code> removes the field),
            anything else as text.
          </p>
        </div>
      )}
    </fieldset>
  );
}
