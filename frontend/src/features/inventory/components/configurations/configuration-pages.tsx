import { configurations, type ConfigurationView } from '../../api/configurations';
import { ItemEditorPage } from '../item-editor-page';
import { ItemListPage, type Column } from '../item-list-page';
import { ConfigurationForm } from './configuration-form';

function lineCount(content: string | undefined): string {
  if (!content) return '0 lines';
  const lines = content.replace(/\n$/, '').split('\n').length;
  return lines === 1 ? '1 line' : `${lines} lines`;
}

const columns: Column<ConfigurationView>[] = [
  { header: 'Name', cell: (configuration) => configuration.name },
  { header: 'Kind', cell: (configuration) => configuration.kind },
  { header: 'Size', cell: (configuration) => lineCount(configuration.content) },
  {
    header: 'Updated',
    cell: (configuration) =>
      configuration.updated_at ? new Date(configuration.updated_at).toLocaleString() : '—',
  },
];

export function ConfigurationListPage() {
  return (
    <ItemListPage
      resource={configurations}
      title="Configurations"
      noun="configuration"
      searchLabel="Search configurations"
      columns={columns}
    />
  );
}

export function ConfigurationEditorPage() {
  return (
    <ItemEditorPage
      resource={configurations}
      noun="configuration"
      listPath="/configurations"
      renderForm={(form) => <ConfigurationForm {...form} />}
    />
  );
}
