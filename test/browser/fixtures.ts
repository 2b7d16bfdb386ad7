import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { startStack, type Stack } from './stack';

export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'console');
mkdirSync(SCREENSHOTS, { recursive: true });

/** One stack for the whole browser run (worker-scoped): starting it costs more than every test together. */
export const test = base.extend<object, { stack: Stack }>({
  stack: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const stack = await startStack();
      await use(stack);
      await stack.close();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
});
export { expect };

/** Zero serious or critical axe-core violations on the page as it is now; a full-page screenshot beside it. */
export async function checkPage(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes
          .map((n) => `${n.target.join(' ')} ${n.html.slice(0, 200)}`)
          .slice(0, 3)
          .join(' | ')}`,
    );
  expect(serious, `axe on ${name}`).toEqual([]);
}

/** The console's sign-in: its "Sign in" button, then the simulator's login form, then back to the console. */
export async function signIn(page: Page, upn: string, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Email, phone, or Skype').fill(upn);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}
