// What the inventory pages need from one kind of item. Each kind (nodes.ts,
// clusters.ts, ...) fills this in with typed calls of the generated client, and
// the pages and query hooks work the same way for all four.

export interface ListQuery {
  page: number;
  size: number;
  search?: string;
}

export interface ItemPage<V> {
  items: V[];
  page: number;
  size: number;
  total: number;
}

export interface ItemResource<V, I> {
  /** Query-cache key and URL segment, e.g. `nodes`. */
  name: string;
  /** The natural key that addresses an item (a node's hostname, anything else's name). */
  keyOf: (item: V) => string;
  list: (query: ListQuery) => Promise<ItemPage<V>>;
  get: (key: string) => Promise<V>;
  create: (body: I) => Promise<V>;
  replace: (key: string, body: I) => Promise<V>;
  remove: (key: string) => Promise<void>;
}

/** The API's page, with its optional fields filled in. */
export function toItemPage<V>(
  page: { items?: V[]; page?: number; size?: number; total?: number },
  query: ListQuery,
): ItemPage<V> {
  const items = page.items ?? [];
  return {
    items,
    page: page.page ?? query.page,
    size: page.size ?? query.size,
    total: page.total ?? items.length,
  };
}
