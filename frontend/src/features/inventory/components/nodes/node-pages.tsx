import { nodes, type NodeView } from '../../api/nodes';
import { ItemEditorPage } from '../item-editor-page';
import { ItemListPage, type Column } from '../item-list-page';
import { NodeForm } from './node-form';

const columns: Column<NodeView>[] = [
  { header: 'Host name', cell: (node) => node.hostname },
  { header: 'IP address', cell: (node) => node.ip },
  { header: 'SSH', cell: (node) => `${node.username ?? ''}, port ${node.ssh_port ?? 22}` },
  { header: 'SSH key', cell: (node) => node.ssh_key ?? '—' },
  { header: 'MicroK8s', cell: (node) => node.microk8s_status?.replace('_', ' ') },
  {
    header: 'Wake-on-LAN',
    cell: (node) => (node.wol ? `${node.wol.mac}${node.wol.enabled ? '' : ' (off)'}` : '—'),
  },
];

export function NodeListPage() {
  return (
    <ItemListPage
      resource={nodes}
      title="Nodes"
      noun="node"
      searchLabel="Search nodes"
      columns={columns}
    />
  );
}

export function NodeEditorPage() {
  return (
    <ItemEditorPage
      resource={nodes}
      noun="node"
      listPath="/nodes"
      renderForm={(form) => <NodeForm {...form} />}
    />
  );
}
