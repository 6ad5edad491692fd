// Renders the whole app at a path, as a user would meet it, with a fresh cache.
import { QueryClient } from '@tanstack/react-query';
import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { AppRoutes } from '@/app/app-routes';
import { AppProvider } from '@/app/provider';
import { session } from '@/lib/session';

export function renderApp(path: string, { loggedIn = true }: { loggedIn?: boolean } = {}) {
  if (loggedIn) session.start('test-token', 3600);
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  const user = userEvent.setup();
  const view = render(
    <AppProvider queryClient={queryClient}>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes />
      </MemoryRouter>
    </AppProvider>,
  );
  return { user, ...view };
}
