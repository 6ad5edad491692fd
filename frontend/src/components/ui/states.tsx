// What a page shows while its data is on the way, missing, or failed.
import type { ReactNode } from 'react';
import type { ApiProblem } from '@/api/problem';
import { Alert } from './alert';

export function LoadingState({ label }: { label: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" /> {label}
    </p>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return <div className="state state-empty">{children}</div>;
}

export function ErrorState({
  problem,
  what,
  onRetry,
}: {
  problem: ApiProblem;
  what: string;
  onRetry?: () => void;
}) {
  return (
    <Alert title={`Could not load ${what}`}>
      <p>{problem.detail}</p>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Try again
        </button>
      )}
    </Alert>
  );
}
