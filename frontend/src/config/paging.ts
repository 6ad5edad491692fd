/** Rows per list page. */
export const PAGE_SIZE = 20;

/** The API's largest page; used where a form needs every item of a kind (select options). */
export const MAX_PAGE_SIZE = 500;

/** How long the search box waits after the last keystroke before it asks the server. */
export const SEARCH_DEBOUNCE_MS = 300;
