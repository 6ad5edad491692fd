import { formatValue, fullValue, isLong } from '../utils/format-change';

interface FieldValueProps {
  field: string;
  value: unknown;
  /** For the disclosure's name: "Full value of ip on server-a". */
  where: string;
  /** The whole value at once, for deciding between values side by side. */
  full?: boolean;
}

/** One side's value of a field: on one line, with the full value one click away when cut. */
export function FieldValue({ field, value, where, full = false }: FieldValueProps) {
  if (full) return <pre className="field-value">{fullValue(value)}</pre>;
  const short = <code className="field-value">{formatValue(field, value)}</code>;
  if (!isLong(value)) return short;
  return (
    <details className="field-value-details">
      <summary>
        {short}
        <span className="visually-hidden">
          : full value of {field} on {where}
        </span>
      </summary>
      <pre>{fullValue(value)}</pre>
    </details>
  );
}
