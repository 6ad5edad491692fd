// The list page of any kind: search, a page of rows, paging, and delete with
// a confirmation. Each kind only says which columns it has.
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Link, useLocation } from 'react-router';
import type { ApiProblem } from '@/api/problem';
import { ConfirmDialog } from '@/components/ui/confirm-dialog';
import { Alert } from '@/components/ui/alert';
import { Pagination } from '@/components/ui/pagination';
import { SearchBox } from '@/components/ui/search-box';
import { EmptyState, ErrorState, LoadingState } from '@/components/ui/states';
import { PAGE_SIZE } from '@/config/paging';
import { useDocumentTitle } from '@/lib/use-document-title';
import { capitalize } from '@/utils/text';
import { useDeleteItem, useItemList } from '../api/queries';
import type { ItemPage, ItemResource } from '../api/resource';
import { useListParams } from '../hooks/use-list-params';

export interface Column<V> {
  header: string;
  cell: (item: V) => ReactNode;
}

/** A message for the list, passed in the navigation state by a form that just saved. */
export interface ListFlash {
  message: string;
}

interface ItemListPageProps<V, I> {
  resource: ItemResource<V, I>;
  title: string;
  /** e.g. "node", "SSH key". */
  noun: string;
  /** Says what the search matches, e.g. "Search host names, addresses, users". */
  searchLabel: string;
  columns: Column<V>[];
}

export function ItemListPage<V, I>({
  resource,
  title,
  noun,
  searchLabel,
  columns,
}: ItemListPageProps<V, I>) {
  useDocumentTitle(title);
  const location = useLocation();
  const { page, search, searchText, setSearchText, setPage } = useListParams();
  const list = useItemList(resource, { page, size: PAGE_SIZE, search: search || undefined });
  const remove = useDeleteItem(resource);
  const [pendingDelete, setPendingDelete] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const flash = (location.state as { flash?: ListFlash } | null)?.flash?.message;
  const status = deleted ? `${capitalize(noun)} ${deleted} deleted.` : flash;

  // A delete can empty the last page: step back to the last page that has rows.
  const total = list.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / PAGE_SIZE) - 1);
  useEffect(() => {
    if (list.isSuccess && !list.isPlaceholderData && page > lastPage) setPage(lastPage);
  }, [list.isSuccess, list.isPlaceholderData, page, lastPage, setPage]);

  // The deleted row took the focused button with it; continue from the heading.
  useEffect(() => {
    if (deleted) heading.current?.focus();
  }, [deleted]);

  async function confirmDelete() {
    if (pendingDelete === null) return;
    try {
      await remove.mutateAsync(pendingDelete);
      setDeleted(pendingDelete);
      setPendingDelete(null);
    } catch {
      // remove.error is shown in the dialog, which stays open.
    }
  }

  return (
    <section className="page">
      <div className="page-header">
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        <Link to="new" className="button button-primary">
          New {noun}
        </Link>
      </div>
      {/* Always in the page, so screen readers announce what appears in it later. */}
      <div role="status">{status && <p className="status">{status}</p>}</div>
      <SearchBox label={searchLabel} value={searchText} onChange={setSearchText} />
      <ListBody
        list={list}
        title={title}
        noun={noun}
        search={search}
        columns={columns}
        keyOf={resource.keyOf}
        onDelete={(key) => {
          remove.reset();
          setPendingDelete(key);
        }}
      />
      {list.data && list.data.total > 0 && (
        <Pagination page={page} size={PAGE_SIZE} total={list.data.total} onPageChange={setPage} />
      )}
      {pendingDelete !== null && (
        <ConfirmDialog
          title={`Delete ${noun} ${pendingDelete}?`}
          confirmLabel="Delete"
          busy={remove.isPending}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setPendingDelete(null)}
        >
          <p>
            This removes {noun} <strong>{pendingDelete}</strong> from this server. It cannot be
            undone.
          </p>
          {remove.error && (
            <Alert title="Not deleted">
              <p>{remove.error.detail}</p>
            </Alert>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}

function ListBody<V>(props: {
  list: UseQueryResult<ItemPage<V>, ApiProblem>;
  title: string;
  noun: string;
  search: string;
  columns: Column<V>[];
  keyOf: (item: V) => string;
  onDelete: (key: string) => void;
}) {
  const { list, title, noun, search, columns, keyOf } = props;
  if (list.isPending) return <LoadingState label={`Loading ${title.toLowerCase()}…`} />;
  if (list.isError)
    return (
      <ErrorState
        problem={list.error}
        what={title.toLowerCase()}
        onRetry={() => void list.refetch()}
      />
    );
  const items = list.data.items;
  if (items.length === 0) {
    return (
      <EmptyState>
        {search ? (
          <p>
            No {noun} matches “{search}”.
          </p>
        ) : (
          <p>
            There is no {noun} yet. <Link to="new">Create the first one</Link>.
          </p>
        )}
      </EmptyState>
    );
  }
  return (
    <div className="table-wrap" aria-busy={list.isFetching}>
      {/* Explicit roles: the stacked layout for narrow windows changes the CSS
          display of the table parts, and browsers then drop their table semantics. */}
      <table className="item-table" role="table">
        <caption className="visually-hidden">{title}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column.header} scope="col" role="columnheader">
                {column.header}
              </th>
            ))}
            <th scope="col" role="columnheader">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody role="rowgroup">
          {items.map((item) => {
            const key = keyOf(item);
            return (
              <tr key={key} role="row">
                {columns.map((column) => (
                  <td key={column.header} role="cell" data-label={column.header}>
                    {column.cell(item)}
                  </td>
                ))}
                <td className="row-actions" role="cell">
                  {/* Named after the row: "Edit node-01", not ten links called "Edit". */}
                  <Link
                    to={`${encodeURIComponent(key)}/edit`}
                    className="button"
                    aria-label={`Edit ${key}`}
                  >
                    Edit
                  </Link>
                  <button
                    type="button"
                    className="button button-danger"
                    aria-label={`Delete ${key}`}
                    onClick={() => props.onDelete(key)}
                  >
                    Delete
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
