import { useCallback, useState } from 'react';

/** The rows the operator ticked, by row id; a new comparison starts with none. */
export function useSelection() {
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const toggle = useCallback((id: string, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  /** Ticks or clears many rows at once: a "select all" box. */
  const setMany = useCallback((ids: readonly string[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      ids.forEach((id) => (on ? next.add(id) : next.delete(id)));
      return next;
    });
  }, []);

  const clear = useCallback(() => setSelected(new Set()), []);

  return { selected, toggle, setMany, clear };
}

export type SelectionState = ReturnType<typeof useSelection>;

/** How a select-all box over `ids` looks: all, none, or some of them ticked. */
export function stateOf(ids: readonly string[], selected: ReadonlySet<string>): boolean | 'some' {
  const ticked = ids.filter((id) => selected.has(id)).length;
  if (ticked === 0) return false;
  return ticked === ids.length ? true : 'some';
}
