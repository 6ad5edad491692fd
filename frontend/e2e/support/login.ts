import type { Page } from 'playwright-core';
import { ADMIN_PASSWORD, ADMIN_USERNAME } from './servers';

/** Logs the operator in on the server at `url` through its login page. */
export async function logIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.getByRole('textbox', { name: 'Username' }).fill(ADMIN_USERNAME);
  await page.getByLabel('Password').fill(ADMIN_PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'Nodes' }).waitFor();
}
