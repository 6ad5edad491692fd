// The page's next job: its direction, and whether a push mirrors. The
// comparison's rows, boxes and explanations follow it: each job acts on other
// rows.
import { createContext, useContext } from 'react';
import { PUSH, type Plan } from '../utils/comparison';

export const PlanContext = createContext<Plan>(PUSH);

export function usePlan(): Plan {
  return useContext(PlanContext);
}
