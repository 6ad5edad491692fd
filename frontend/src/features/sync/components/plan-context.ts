// Which way the page's next job moves items. The comparison's rows, boxes and
// explanations follow it: a pull acts on other statuses than a push.
import { createContext, useContext } from 'react';
import type { Direction } from '../api/types';

export const DirectionContext = createContext<Direction>('push');

export function useDirection(): Direction {
  return useContext(DirectionContext);
}
