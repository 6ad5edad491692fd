// Labelled form controls. Each control is named by its API field path, so a
// server error for that path lands right under it, tied to it with
// aria-describedby and aria-invalid for screen readers.
import type {
  InputHTMLAttributes,
  ReactNode,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from 'react';
import { fieldId } from '@/utils/field-id';

interface FieldProps {
  /** API field path, e.g. `ip` or `wol.mac`. */
  path: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

function describe(path: string, hint: ReactNode, error: string | undefined) {
  const id = fieldId(path);
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return {
    id,
    hintId,
    errorId,
    control: { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined },
  };
}

function FieldShell(props: {
  id: string;
  label: string;
  required?: boolean;
  hint: ReactNode;
  hintId?: string;
  error?: string;
  errorId?: string;
  children: ReactNode;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>
        {props.label}
        {props.required && <span aria-hidden="true"> *</span>}
      </label>
      {props.children}
      {props.hint && (
        <p id={props.hintId} className="field-hint">
          {props.hint}
        </p>
      )}
      {props.error && (
        <p id={props.errorId} className="field-error">
          {props.error}
        </p>
      )}
    </div>
  );
}

type NativeInput = Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>;

export function TextField({ path, label, error, hint, ...input }: FieldProps & NativeInput) {
  const ids = describe(path, hint, error);
  return (
    <FieldShell {...ids} label={label} required={input.required} hint={hint} error={error}>
      <input type="text" name={path} {...input} {...ids.control} />
    </FieldShell>
  );
}

type NativeTextArea = Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>;

export function TextAreaField({ path, label, error, hint, ...area }: FieldProps & NativeTextArea) {
  const ids = describe(path, hint, error);
  return (
    <FieldShell {...ids} label={label} required={area.required} hint={hint} error={error}>
      <textarea name={path} {...area} {...ids.control} />
    </FieldShell>
  );
}

type NativeSelect = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>;

export function SelectField({
  path,
  label,
  error,
  hint,
  children,
  ...select
}: FieldProps & NativeSelect) {
  const ids = describe(path, hint, error);
  return (
    <FieldShell {...ids} label={label} required={select.required} hint={hint} error={error}>
      <select name={path} {...select} {...ids.control}>
        {children}
      </select>
    </FieldShell>
  );
}

export function CheckboxField({
  path,
  label,
  error,
  hint,
  ...input
}: FieldProps & Omit<NativeInput, 'type'>) {
  const ids = describe(path, hint, error);
  return (
    <div className="field field-checkbox">
      <input type="checkbox" name={path} {...input} {...ids.control} />
      <label htmlFor={ids.id}>{label}</label>
      {hint && (
        <p id={ids.hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={ids.errorId} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}
