import { NavLink, Outlet } from 'react-router';
import { useLogout } from '@/features/auth/hooks/use-logout';
import { useServerInfo } from '@/features/sync/api/server-info';
import { useSessionToken } from '@/lib/session';

const SECTIONS = [
  { to: '/nodes', label: 'Nodes' },
  { to: '/clusters', label: 'Clusters' },
  { to: '/ssh-keys', label: 'SSH keys' },
  { to: '/configurations', label: 'Configurations' },
  { to: '/sync/interactive', label: 'Sync' },
  { to: '/sync/peers', label: 'Peers' },
  { to: '/sync/schedules', label: 'Schedules' },
  { to: '/jobs', label: 'Jobs' },
  { to: '/history', label: 'History' },
];

export function AppLayout() {
  const token = useSessionToken();
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-brand">
          <span className="app-name">Orchestrator Live Sync</span>
          <ServerName />
        </div>
        {token && <MainNav />}
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** Which instance this is: with several servers open in tabs, it is easy to lose track. */
function ServerName() {
  const info = useServerInfo();
  if (info.isPending) return null;
  if (info.isError)
    return <span className="server-name server-name-unknown">server unreachable</span>;
  return (
    <span className="server-name" title={`server id ${info.data.server_id ?? '?'}`}>
      Server: <strong data-testid="server-name">{info.data.server_name}</strong>
    </span>
  );
}

function MainNav() {
  const logout = useLogout();
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {SECTIONS.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to}>{section.label}</NavLink>
          </li>
        ))}
      </ul>
      <button type="button" className="button button-quiet" onClick={logout}>
        Log out
      </button>
    </nav>
  );
}
