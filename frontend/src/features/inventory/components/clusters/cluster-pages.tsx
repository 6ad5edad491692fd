import { clusters, type ClusterView } from '../../api/clusters';
import { ItemEditorPage } from '../item-editor-page';
import { ItemListPage, type Column } from '../item-list-page';
import { ClusterForm } from './cluster-form';

function members(cluster: ClusterView): string {
  const list = cluster.nodes ?? [];
  if (list.length === 0) return 'none';
  return list.map((member) => `${member.hostname} (${member.role ?? 'control-plane'})`).join(', ');
}

const columns: Column<ClusterView>[] = [
  { header: 'Name', cell: (cluster) => cluster.name },
  { header: 'Description', cell: (cluster) => cluster.description ?? '—' },
  { header: 'HA', cell: (cluster) => (cluster.ha_enabled ? 'Yes' : 'No') },
  { header: 'Nodes', cell: members },
];

export function ClusterListPage() {
  return (
    <ItemListPage
      resource={clusters}
      title="Clusters"
      noun="cluster"
      searchLabel="Search clusters"
      columns={columns}
    />
  );
}

export function ClusterEditorPage() {
  return (
    <ItemEditorPage
      resource={clusters}
      noun="cluster"
      listPath="/clusters"
      renderForm={(form) => <ClusterForm {...form} />}
    />
  );
}
