// Reading the sync page (/sync/interactive) the way its journeys need.
import type { Locator, Page } from 'playwright-core';

/** The comparison's row of the item named `key` (exactly), in whichever kind's table it is. */
export function comparisonRow(page: Page, key: string): Locator {
  return page.getByRole('row').filter({ has: page.getByRole('cell', { name: key, exact: true }) });
}
