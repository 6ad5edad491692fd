// The create and edit pages of any kind: on /<kind>/new an empty form, on
// /<kind>/<key>/edit the form filled with what the server has now.
import type { ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ErrorState, LoadingState } from '@/components/ui/states';
import { useDocumentTitle } from '@/lib/use-document-title';
import { capitalize } from '@/utils/text';
import { useItem } from '../api/queries';
import type { ItemResource } from '../api/resource';
import type { ListFlash } from './item-list-page';

interface ItemEditorPageProps<V, I> {
  resource: ItemResource<V, I>;
  /** e.g. "node", "SSH key". */
  noun: string;
  listPath: string;
  renderForm: (form: { initial: V | undefined; onSaved: (item: V) => void }) => ReactNode;
}

export function ItemEditorPage<V, I>({
  resource,
  noun,
  listPath,
  renderForm,
}: ItemEditorPageProps<V, I>) {
  const { key } = useParams();
  const navigate = useNavigate();
  const item = useItem(resource, key);
  const title = key === undefined ? `New ${noun}` : `Edit ${noun} ${key}`;
  useDocumentTitle(title);

  function onSaved(saved: V) {
    const flash: ListFlash = {
      message: `${capitalize(noun)} ${resource.keyOf(saved)} ${key === undefined ? 'created' : 'saved'}.`,
    };
    void navigate(listPath, { state: { flash } });
  }

  let body: ReactNode;
  if (key === undefined) body = renderForm({ initial: undefined, onSaved });
  else if (item.isPending) body = <LoadingState label={`Loading ${noun} ${key}…`} />;
  else if (item.isError) body = <ErrorState problem={item.error} what={`${noun} ${key}`} />;
  else body = renderForm({ initial: item.data, onSaved });

  return (
    <section className="page">
      <p className="breadcrumb">
        <Link to={listPath}>← Back to the list</Link>
      </p>
      <h1>{title}</h1>
      {/* A fresh form for every item: form state must not carry over from another one. */}
      <div key={key ?? '(new)'}>{body}</div>
    </section>
  );
}
