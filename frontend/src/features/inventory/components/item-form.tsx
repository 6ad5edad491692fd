// The frame every item form shares: the problem alert on top, the fields, the
// actions. After a failed attempt it moves focus to the first marked field (or
// to the alert), so keyboard and screen-reader users land where the fix is.
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type Ref } from 'react';
import { Link } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { Alert } from '@/components/ui/alert';

interface ItemFormProps {
  /** What the form saves, e.g. "node", for messages. */
  noun: string;
  problem: ApiProblem | null;
  /** API field paths this form shows a control for; other field errors go in the alert. */
  shownPaths: readonly string[];
  saving: boolean;
  submitLabel: string;
  cancelTo: string;
  onSubmit: () => void;
  children: ReactNode;
}

export function ItemForm(props: ItemFormProps) {
  const form = useRef<HTMLFormElement>(null);
  const alert = useRef<HTMLDivElement>(null);
  const [attempts, setAttempts] = useState(0);
  const { problem } = props;

  useEffect(() => {
    if (attempts === 0) return;
    const firstInvalid = form.current?.querySelector<HTMLElement>('[aria-invalid="true"]');
    if (firstInvalid) firstInvalid.focus();
    else alert.current?.focus();
  }, [attempts, problem]);

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setAttempts((count) => count + 1);
    props.onSubmit();
  }

  return (
    <form ref={form} className="item-form" noValidate onSubmit={handleSubmit}>
      {problem && (
        <ProblemAlert
          ref={alert}
          problem={problem}
          shownPaths={props.shownPaths}
          noun={props.noun}
        />
      )}
      {props.children}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={props.saving}>
          {props.saving ? 'Saving…' : props.submitLabel}
        </button>
        <Link to={props.cancelTo} className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}

function ProblemAlert({
  problem,
  shownPaths,
  noun,
  ref,
}: {
  problem: ApiProblem;
  shownPaths: readonly string[];
  noun: string;
  ref: Ref<HTMLDivElement>;
}) {
  if (!problem.isValidation) {
    return (
      <Alert ref={ref} title={`The ${noun} was not saved`}>
        <p>{problem.detail}</p>
      </Alert>
    );
  }
  const elsewhere = problem.fieldErrors.filter(({ field }) => !shownPaths.includes(field));
  return (
    <Alert ref={ref} title={`The ${noun} was not saved: please correct the marked fields`}>
      {elsewhere.length > 0 && (
        <ul>
          {elsewhere.map(({ field, message }) => (
            <li key={`${field}:${message}`}>
              {field}: {message}
            </li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
