import { TextAreaField } from '@/components/ui/field';
import { parseJsonObject } from '@/utils/json-object';

interface JsonObjectFieldProps {
  path: string;
  label: string;
  value: string;
  error?: string;
  example: string;
  onChange: (text: string) => void;
  /** Told the syntax error (or undefined) when the user leaves the field. */
  onCheck: (error: string | undefined) => void;
}

/** A free-form JSON object edited as text, checked in the browser before it is sent. */
export function JsonObjectField(props: JsonObjectFieldProps) {
  return (
    <TextAreaField
      path={props.path}
      label={props.label}
      className="code"
      rows={6}
      spellCheck={false}
      value={props.value}
      error={props.error}
      hint={`A JSON object, e.g. ${props.example}. Leave empty for none.`}
      onChange={(event) => props.onChange(event.target.value)}
      onBlur={() => {
        const parsed = parseJsonObject(props.value);
        props.onCheck(parsed.ok ? undefined : parsed.error);
      }}
    />
  );
}
