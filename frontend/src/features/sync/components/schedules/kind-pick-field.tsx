// One kind in a schedule's selection: a box to take it, and once taken, the
// keys that narrow it (none: all of the kind).
import { CheckboxField, TextField } from '@/components/ui/field';
import type { KindInfo } from '../../utils/comparison';
import type { KindPick } from '../../utils/schedule-words';

interface KindPickFieldProps {
  kind: KindInfo;
  pick: KindPick;
  onChange: (pick: KindPick) => void;
}

export function KindPickField({ kind, pick, onChange }: KindPickFieldProps) {
  return (
    <div className="kind-pick">
      <CheckboxField
        path={`selection.${kind.id}`}
        label={kind.label}
        checked={pick.on}
        onChange={(event) => onChange({ ...pick, on: event.target.checked })}
      />
      {pick.on && (
        <TextField
          path={`selection.${kind.id}.keys`}
          label={`Only these ${kind.plural} (optional)`}
          value={pick.keys}
          placeholder={`all ${kind.plural}`}
          onChange={(event) => onChange({ ...pick, keys: event.target.value })}
          autoComplete="off"
          spellCheck={false}
        />
      )}
    </div>
  );
}
