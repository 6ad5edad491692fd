// What a selected cluster row offers to select with it: the workspace reads
// the cluster's members and owns the selection, the row only shows the offer.
// Without a provider (a comparison shown on its own) rows offer nothing.
import { createContext, useContext } from 'react';
import type { Row } from '../utils/comparison';
import type { Dependencies } from '../utils/dependencies';

export interface DependencyOffers {
  offers: ReadonlyMap<string, Dependencies>;
  select: (rows: readonly Row[]) => void;
}

export const DependencyContext = createContext<DependencyOffers | null>(null);

export function useDependencyOffers(): DependencyOffers | null {
  return useContext(DependencyContext);
}
