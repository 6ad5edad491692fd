// Submitting an item form: create or replace, then hand the saved item on; a
// refusal is kept as an ApiProblem for the form to show.
import { useState } from 'react';
import { asApiProblem, type ApiProblem } from '@/api/problem';
import { useSaveItem } from '../api/queries';
import type { ItemResource } from '../api/resource';

export function useSaveForm<V, I>(
  resource: ItemResource<V, I>,
  /** The natural key of the item being edited; undefined when creating. */
  editingKey: string | undefined,
  onSaved: (item: V) => void,
) {
  const save = useSaveItem(resource);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  async function submit(body: I) {
    setProblem(null);
    try {
      onSaved(await save.mutateAsync({ key: editingKey, body }));
    } catch (error) {
      setProblem(asApiProblem(error));
    }
  }

  return { submit, problem, saving: save.isPending, clearProblem: () => setProblem(null) };
}

/** The server's message for each field path of a problem, several joined. */
export function fieldErrorsOf(problem: ApiProblem | null): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { field, message } of problem?.fieldErrors ?? []) {
    errors[field] = errors[field] ? `${errors[field]}; ${message}` : message;
  }
  return errors;
}
