import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { session, useSessionToken } from '@/lib/session';

/** Renders its children only with a session; otherwise sends the user to log in, and back. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const token = useSessionToken();
  const location = useLocation();
  if (!token) {
    const from = location.pathname + location.search;
    return <Navigate to="/login" replace state={{ from, reason: session.lastEnd() }} />;
  }
  return children;
}
