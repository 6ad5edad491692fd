// How a conflict row opens the conflict view: the workspace owns the dialog
// and the job it starts, the row only asks. Without a provider (a comparison
// shown on its own) rows offer no resolving.
import { createContext, useContext } from 'react';
import type { Row } from '../utils/comparison';

export interface Resolver {
  open: (row: Row) => void;
  /** Why no conflict can be resolved now (a job runs, the comparison is stale), if so. */
  unavailableBecause?: string;
}

export const ResolverContext = createContext<Resolver | null>(null);

export function useResolver(): Resolver | null {
  return useContext(ResolverContext);
}
