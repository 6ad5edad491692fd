import { useState, type FormEvent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { useSessionToken, type SessionEnd } from '@/lib/session';
import { useDocumentTitle } from '@/lib/use-document-title';
import { useLogin } from '../api/login';

interface LoginState {
  from?: string;
  reason?: SessionEnd | null;
}

const REASONS: Record<SessionEnd, string> = {
  logout: 'You have logged out.',
  expired: 'Your session has ended. Please log in again.',
};

export function LoginPage() {
  useDocumentTitle('Log in');
  const token = useSessionToken();
  const state = (useLocation().state ?? {}) as LoginState;
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');

  const target = state.from && state.from !== '/login' ? state.from : '/nodes';
  // Logged in (now or already): go where the user was headed.
  if (token) return <Navigate to={target} replace />;

  function handleSubmit(event: FormEvent) {
    event.preventDefault();
    login.mutate({ username, password });
  }

  const problem = login.error;
  const fieldErrors = Object.fromEntries(
    (problem?.fieldErrors ?? []).map(({ field, message }) => [field, message]),
  );

  return (
    <section className="page page-narrow">
      <h1>Log in</h1>
      {state.reason && !problem && (
        <p className="status" role="status">
          {REASONS[state.reason]}
        </p>
      )}
      <form className="item-form" noValidate onSubmit={handleSubmit}>
        {problem && !problem.isValidation && (
          <Alert title="Not logged in">
            <p>{problem.detail}</p>
          </Alert>
        )}
        <TextField
          path="username"
          label="Username"
          required
          autoComplete="username"
          autoFocus
          value={username}
          error={fieldErrors.username}
          onChange={(event) => setUsername(event.target.value)}
        />
        <TextField
          path="password"
          label="Password"
          type="password"
          required
          autoComplete="current-password"
          value={password}
          error={fieldErrors.password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={login.isPending}>
            {login.isPending ? 'Logging in…' : 'Log in'}
          </button>
        </div>
      </form>
    </section>
  );
}
