import { Navigate, Outlet, Route, Routes } from 'react-router';
import { LoginPage } from '@/features/auth/components/login-page';
import { RequireAuth } from '@/features/auth/components/require-auth';
import {
  ClusterEditorPage,
  ClusterListPage,
} from '@/features/inventory/components/clusters/cluster-pages';
import {
  ConfigurationEditorPage,
  ConfigurationListPage,
} from '@/features/inventory/components/configurations/configuration-pages';
import { NodeEditorPage, NodeListPage } from '@/features/inventory/components/nodes/node-pages';
import {
  SshKeyEditorPage,
  SshKeyListPage,
} from '@/features/inventory/components/ssh-keys/ssh-key-pages';
import { HistoryEntryPage } from '@/features/history/components/history-entry-page';
import { HistoryPage } from '@/features/history/components/history-page';
import { BroadcastPage } from '@/features/sync/components/broadcasts/broadcast-page';
import { JobPage } from '@/features/sync/components/jobs/job-page';
import { JobsPage } from '@/features/sync/components/jobs/jobs-page';
import { PeersPage } from '@/features/sync/components/peers/peers-page';
import { SchedulesPage } from '@/features/sync/components/schedules/schedules-page';
import { SyncInteractivePage } from '@/features/sync/components/sync-interactive-page';
import { AppLayout } from './app-layout';
import { NotFoundPage } from './not-found-page';

const INVENTORY = [
  { path: 'nodes', List: NodeListPage, Editor: NodeEditorPage },
  { path: 'clusters', List: ClusterListPage, Editor: ClusterEditorPage },
  { path: 'ssh-keys', List: SshKeyListPage, Editor: SshKeyEditorPage },
  { path: 'configurations', List: ConfigurationListPage, Editor: ConfigurationEditorPage },
];

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route path="login" element={<LoginPage />} />
        <Route
          element={
            <RequireAuth>
              <Outlet />
            </RequireAuth>
          }
        >
          <Route index element={<Navigate to="/nodes" replace />} />
          {INVENTORY.map(({ path, List, Editor }) => (
            <Route key={path} path={path}>
              <Route index element={<List />} />
              <Route path="new" element={<Editor />} />
              <Route path=":key/edit" element={<Editor />} />
            </Route>
          ))}
          {/* The seed's address of the sync page; `make sync-interactive` opens it. */}
          <Route path="sync" element={<Navigate to="/sync/interactive" replace />} />
          <Route path="sync/interactive" element={<SyncInteractivePage />} />
          <Route path="sync/peers" element={<PeersPage />} />
          <Route path="sync/schedules" element={<SchedulesPage />} />
          <Route path="sync/broadcasts/:id" element={<BroadcastPage />} />
          <Route path="jobs" element={<JobsPage />} />
          <Route path="jobs/:id" element={<JobPage />} />
          <Route path="history" element={<HistoryPage />} />
          <Route path="history/:id" element={<HistoryEntryPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Route>
    </Routes>
  );
}
