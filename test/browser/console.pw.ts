/**
 * The console in a real browser against the real stack: sign-in through the simulator's login form, a live inventory
 * sync seen on Operations without a reload, the inventory it produced, what a viewer may not do or see, an expired
 * session that comes back to the same page, and axe-core plus a screenshot on every page.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TENANT } from '../../src/graph-simulator';
import { checkPage, expect, SCREENSHOTS, signIn, test } from './fixtures';
import { VIEWER } from './stack';

test.describe.configure({ mode: 'serial' });

test('an admin signs in through the login form and sees the demo tenant', async ({ page, stack }) => {
  await page.goto(`${stack.url}/`);
  await expect(page).toHaveURL(/\/signin\?returnTo=/);
  await checkPage(page, 'sign-in');
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Tenants' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Contoso (demo)' })).toBeVisible();
  await expect(page.getByRole('row', { name: /Contoso \(demo\).*admin.*Verified/ })).toBeVisible();
  await checkPage(page, 'tenants');
});

test('Sync inventory: the run appears on Operations and succeeds without a reload; the inventory shows the objects', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.url}/tenants/${stack.demoTenantId}`);
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Contoso (demo)' })).toBeVisible();
  await checkPage(page, 'tenant-detail');
  // Marks this document: a reload would lose it.
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  await page.getByRole('button', { name: 'Sync inventory' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Inventory sync' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Operations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Operations' })).toBeVisible();
  const row = page.getByRole('row', { name: /Inventory sync/ }).first();
  await expect(row).toBeVisible();
  await expect(row.getByText('Succeeded')).toBeVisible({ timeout: 120_000 });
  expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await checkPage(page, 'operations');
  if (process.env.UPDATE_DOCS_SCREENSHOT === '1')
    copyFileSync(join(SCREENSHOTS, 'operations.png'), join(__dirname, '..', '..', 'docs', 'console-operations.png'));

  await row.getByRole('link').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory sync' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Per type' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Cancel run' })).toHaveCount(0);
  await checkPage(page, 'run-detail');

  await page.getByRole('link', { name: 'Open the inventory' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inventory' })).toBeVisible();
  await expect(page.getByText('Objects present').locator('xpath=..')).toContainText(String(stack.objectCount));
  const objects = page.getByRole('table', { name: 'Objects' });
  await expect(objects.getByRole('row')).not.toHaveCount(0);
  await checkPage(page, 'inventory');

  await objects.getByRole('link').first().click();
  await expect(page.getByRole('heading', { name: 'Metadata' })).toBeVisible();
  await checkPage(page, 'inventory-item');

  for (const [path, heading, name] of [
    [`/audit?tenant=${stack.demoTenantId}`, 'Audit log', 'audit-log'],
    ['/backups', 'Backups', 'backups'],
    ['/restore', 'Restore', 'restore'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: heading }).click();
    await expect(page).toHaveURL(new RegExp(path.split('?')[0]));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    if (name === 'audit-log') await expect(page.getByRole('table', { name: 'Audit events' })).toBeVisible();
    await checkPage(page, name);
  }
});

test('a viewer sees no Sync or Verify control enabled and gets no data of a tenant they lack', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.url}/tenants`);
  await signIn(page, VIEWER.upn, VIEWER.password);
  await expect(page.getByRole('link', { name: 'Contoso (demo)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fabrikam' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Register tenant' })).toBeDisabled();

  await page.getByRole('link', { name: 'Contoso (demo)' }).click();
  for (const name of ['Sync inventory', 'Verify', 'Rename', 'Update credentials', 'Archive', 'Save schedule'])
    await expect(page.getByRole('button', { name })).toBeDisabled();
  await expect(page.getByText(/Needs the admin role on this tenant to see and manage members/)).toBeVisible();
  await checkPage(page, 'tenant-detail-viewer');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
  await expect(page.getByRole('button', { name: 'Sync inventory' })).toBeDisabled();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit log' }).click();
  await expect(page.getByText('you are not an admin of any tenant')).toBeVisible();

  // Deep links to the other tenant: the API's NOT_FOUND, shown as it says it, and nothing of the tenant.
  await page.goto(`${stack.url}/tenants/${stack.otherTenantId}`);
  await expect(page.getByRole('alert')).toContainText(/not found/i);
  await expect(page.getByText('Fabrikam')).toHaveCount(0);
  await checkPage(page, 'tenant-not-found-viewer');
});

test('an expired session returns to sign-in and back to the same page; sign-out signs out', async ({ page, stack }) => {
  const runs = await stack.call<{ operationRuns: { edges: Array<{ node: { id: string } }> } }>(
    `{ operationRuns(first: 1) { edges { node { id } } } }`,
  );
  const runPath = `/operations/${runs.operationRuns.edges[0].node.id}`;
  await page.goto(`${stack.url}${runPath}`);
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page).toHaveURL(new RegExp(`${runPath}$`));

  // The tokens expire and the authority refuses the refresh token (sessions revoked).
  stack.sim.revokeSignInSessions(DEMO_TENANT.tenantId, DEMO_TENANT.upn);
  await page.evaluate(() => {
    for (const key of Object.keys(sessionStorage).filter((k) => k.startsWith('oidc.user:'))) {
      const user = JSON.parse(sessionStorage.getItem(key)!);
      sessionStorage.setItem(key, JSON.stringify({ ...user, expires_at: Math.floor(Date.now() / 1000) - 60 }));
    }
  });
  await page.reload();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByText('Your session has ended')).toBeVisible();
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page).toHaveURL(new RegExp(`${runPath}$`));

  await page.getByRole('button', { name: /account menu/ }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/signin\?reason=signed-out/);
  await page.goto(`${stack.url}/tenants`);
  await expect(page).toHaveURL(/\/signin\?returnTo=%2Ftenants/);
});
