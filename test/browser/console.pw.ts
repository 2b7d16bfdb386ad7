/**
 * The console in a real browser against the real stack: sign-in through the simulator's login form, a live inventory
 * sync seen on Operations without a reload, the inventory it produced, what a viewer may not do or see, an expired
 * session that comes back to the same page, and axe-core plus a screenshot on every page.
 */
import { copyFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_TENANT } from '../../src/graph-simulator';
import { checkPage, expect, SCREENSHOTS, signIn, test } from './fixtures';
import { backupOfDemo, prepareRestoreTarget, runToEnd } from './restore-setup';
import { VIEWER, type Stack } from './stack';

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
    ['/backups', 'Backups', 'backups-empty'],
    ['/restore', 'Restore', 'restore'],
  ] as const) {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: heading }).click();
    await expect(page).toHaveURL(new RegExp(path.split('?')[0]));
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    if (name === 'audit-log') await expect(page.getByRole('table', { name: 'Audit events' })).toBeVisible();
    await checkPage(page, name);
  }
});

test('Start backup, change a setting in the simulator, second backup: the diff view shows exactly that setting', async ({
  page,
  stack,
}) => {
  await page.goto(`${stack.url}/backups?tenant=${stack.demoTenantId}`);
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  const backups = page.getByRole('table', { name: 'Backups' });
  const takeBackup = async (count: number) => {
    await page.getByRole('button', { name: 'Start backup' }).click();
    // The list re-reads itself when the run ends: no reload.
    await expect(backups.getByRole('row')).toHaveCount(count + 1, { timeout: 120_000 });
    await expect(backups.getByText('running')).toHaveCount(0, { timeout: 120_000 });
  };
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  await takeBackup(1);
  await expect(page.getByRole('status').filter({ hasText: 'Backup:' })).toContainText('Succeeded');
  await checkPage(page, 'backups');

  const changed = await changeOneSetting(stack);
  await takeBackup(2);
  expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

  await backups.getByRole('row').nth(1).getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: /^Backup of / })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Objects per type' })).toBeVisible();
  // The filter lives in the URL: the switch follows it once the router has navigated.
  await page.getByLabel('Changed since the previous backup only').click();
  await expect(page.getByLabel('Changed since the previous backup only')).toBeChecked();
  const items = page.getByRole('table', { name: 'Backed-up objects' });
  await expect(items.getByRole('row')).toHaveCount(2);
  await expect(items.getByRole('row').nth(1)).toContainText(changed.name);
  await checkPage(page, 'backup-detail');
  // Export: the zip downloads (bearer-authenticated fetch, then a file for the browser).
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.zip$/);
  const exported = join(SCREENSHOTS, '..', 'console-export.zip');
  await download.saveAs(exported);
  expect(statSync(exported).size).toBeGreaterThan(1000);

  await items.getByRole('link', { name: changed.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: changed.name })).toBeVisible();
  const versions = page.getByRole('table', { name: 'Versions' });
  await expect(versions.getByRole('row')).toHaveCount(3);
  await expect(versions.getByRole('row').nth(1)).toContainText('settings');
  await checkPage(page, 'backup-item');

  // The diff view: exactly the changed setting, old value left, new value right.
  await versions.getByRole('link', { name: 'Compare version 1 with this one' }).click();
  const diff = page.getByRole('table', { name: 'Setting differences' });
  await expect(diff.getByRole('row')).toHaveCount(2);
  const row = diff.getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(0)).toContainText(changed.setting);
  await expect(row.getByRole('cell').nth(2)).toHaveText(
    changed.before === null || changed.before === undefined ? '—' : String(changed.before),
  );
  await expect(row.getByRole('cell').nth(3)).toHaveText(String(changed.after));
  await checkPage(page, 'backup-item-diff');
  // Changed-only off: the rest of the policy around the change, still one change.
  await page.getByLabel('Changed settings only').click();
  await expect(diff.getByRole('row')).not.toHaveCount(2);
  await expect(diff.getByRole('row').filter({ hasNotText: 'Unchanged' })).toHaveCount(2);

  // Backup against backup: one object changed, with the same row.
  await page.getByRole('link', { name: 'Backup', exact: true }).click();
  await page.getByRole('combobox', { name: 'Other backup' }).click();
  await page.getByRole('option').first().click();
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Compare backups' })).toBeVisible();
  await expect(page.getByText('Changed', { exact: true }).first().locator('xpath=..')).toContainText('1');
  const objectDiff = page.getByRole('table', { name: `Setting differences of ${changed.name}` });
  await expect(objectDiff.getByRole('row')).toHaveCount(2);
  await expect(objectDiff.getByRole('row').nth(1)).toContainText(String(changed.after));
  await checkPage(page, 'backup-compare');

  // Import the export as a third backup, then keep the last 2: the oldest goes, live.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
  await expect(backups.getByRole('row')).toHaveCount(3);
  await page.locator('input[type=file]').setInputFiles(exported);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page.getByText(/Imported \d+ objects/)).toBeVisible({ timeout: 60_000 });
  await expect(backups.getByRole('row')).toHaveCount(4);
  await expect(backups.getByRole('row').nth(1)).toContainText('import');
  await page.getByRole('textbox', { name: 'Keep the last' }).fill('2');
  await page.getByRole('button', { name: 'Save retention' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Backup retention:' })).toContainText('Succeeded', {
    timeout: 60_000,
  });
  await expect(backups.getByRole('row')).toHaveCount(3);
  await checkPage(page, 'backups-retention-import');
});

test('the restore wizard into a second tenant: preview, override a group mapping, wrong name refused, right name → every result live', async ({
  page,
  stack,
}) => {
  const target = await prepareRestoreTarget(stack);
  const backupId = await backupOfDemo(stack);
  await page.goto(`${stack.url}/restore?backup=${backupId}`);
  await signIn(page, DEMO_TENANT.upn, DEMO_TENANT.password);
  await expect(page.getByRole('heading', { level: 1, name: 'Restore' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Preview restore' })).toHaveAccessibleDescription(/target tenant/);
  await page.getByRole('combobox', { name: 'Types to restore' }).click();
  await page.getByRole('option', { name: /compliance/i }).click();
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Target tenant' }).click();
  await page.getByRole('option', { name: target.name }).click();
  await checkPage(page, 'restore-choose');
  await page.evaluate(() => Object.assign(globalThis, { __sameDocument: true }));
  await page.getByRole('button', { name: 'Preview restore' }).click();

  // The preview run, live, then its plan.
  await expect(page).toHaveURL(/\/restore\/plans\//, { timeout: 120_000 });
  const mappings = page.getByRole('table', { name: 'Mappings' });
  await expect(mappings.getByRole('row', { name: new RegExp(target.sameName) })).toContainText('by name');
  const missingRow = mappings.getByRole('row', { name: new RegExp(target.missing) });
  await expect(missingRow).toContainText('not found');
  const planned = page.getByRole('table', { name: 'Planned objects' });
  await expect(planned.getByRole('row', { name: new RegExp(target.assigned[1]) })).toContainText('blocked');
  await checkPage(page, 'restore-plan');

  await missingRow.getByRole('combobox', { name: `Target group for ${target.missing}` }).click();
  await page.getByRole('option', { name: target.override }).click();
  await expect(missingRow).toContainText('chosen by an admin');
  await expect(planned.getByRole('row', { name: new RegExp(target.assigned[1]) })).not.toContainText('blocked');

  const planId = new URL(page.url()).pathname.split('/').pop();
  const { restorePlan } = await stack.call<{ restorePlan: { items: { id: string }[] } }>(
    `query($id: ID!) { restorePlan(id: $id) { items { id } } }`,
    { id: planId },
  );
  const items = restorePlan.items.length;
  await page.getByRole('button', { name: 'Confirm restore' }).click();
  const dialog = page.getByRole('dialog', { name: 'Confirm the restore' });
  const typed = dialog.getByRole('textbox', { name: /Type the target tenant's name/ });
  await typed.fill(target.name.toLowerCase());
  await expect(dialog.getByText('The name does not match the target tenant')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Confirm restore' })).toBeDisabled();
  await checkPage(page, 'restore-confirm');
  await typed.fill(target.name);
  await dialog.getByRole('button', { name: 'Confirm restore' }).click();

  // Execution: every planned object gets its result on the page, live.
  await expect(page).toHaveURL(/\/restore\/runs\//);
  const results = page.getByRole('table', { name: 'Restore results' });
  await expect(results.getByRole('row')).toHaveCount(items + 1, { timeout: 120_000 });
  await expect(page.getByRole('status').filter({ hasText: 'Restore:' })).toContainText('Succeeded', {
    timeout: 120_000,
  });
  for (const name of target.assigned)
    await expect(results.getByRole('row', { name: new RegExp(name) })).toContainText('succeeded');
  expect(await page.evaluate(() => (globalThis as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await checkPage(page, 'restore-results');

  await page.getByRole('link', { name: 'Open the ID ledger of the target' }).click();
  await expect(page.getByRole('table', { name: 'ID ledger' }).getByRole('row')).not.toHaveCount(0);
  await checkPage(page, 'restore-ledger');
});

/** Changes one setting of one compliance policy through the simulator's control route, as an admin would in Intune. */
async function changeOneSetting(
  stack: Stack,
): Promise<{ name: string; setting: string; before: unknown; after: number }> {
  const tenant = stack.sim.tenant(DEMO_TENANT.tenantId);
  const collection = tenant.collections().find((c) => c.endsWith('deviceCompliancePolicies'));
  if (!collection) throw new Error('the simulator has no compliance policies');
  const object = tenant.list(collection)[0];
  const before = object.entity.passwordMinimumLength;
  const after = (typeof before === 'number' ? before : 8) + 3;
  const response = await fetch(
    `${stack.sim.url}/_sim/tenants/${DEMO_TENANT.tenantId}/objects/${collection}/${String(object.entity.id)}`,
    {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ entity: { passwordMinimumLength: after } }),
    },
  );
  expect(response.status).toBe(200);
  return { name: String(object.entity.displayName), setting: 'passwordMinimumLength', before, after };
}

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
  for (const name of ['Sync inventory', 'Verify', 'Rename', 'Update credentials', 'Archive'])
    await expect(page.getByRole('button', { name })).toBeDisabled();
  // Inventory and backup schedules.
  await expect(page.getByRole('button', { name: 'Save schedule' })).toHaveCount(2);
  for (const button of await page.getByRole('button', { name: 'Save schedule' }).all())
    await expect(button).toBeDisabled();
  await expect(page.getByText(/Needs the admin role on this tenant to see and manage members/)).toBeVisible();
  await checkPage(page, 'tenant-detail-viewer');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inventory' }).click();
  // The page puts the first tenant into the URL: wait for it, or it could replace the next navigation.
  await expect(page).toHaveURL(new RegExp(`/inventory/${stack.demoTenantId}$`));
  await expect(page.getByRole('button', { name: 'Sync inventory' })).toBeDisabled();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Backups' }).click();
  await expect(page).toHaveURL(new RegExp(`/backups\\?tenant=${stack.demoTenantId}$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Backups' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start backup' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Start backup' })).toHaveAccessibleDescription(
    /Needs the operator role on this tenant to start a backup/,
  );
  await checkPage(page, 'backups-viewer');

  // A plan into the tenant the viewer can see: readable, never confirmable by them.
  const preview = await runToEnd(
    stack,
    `mutation($input: StartRestorePreviewInput!) { startRestorePreview(input: $input) { id } }`,
    {
      input: {
        backupId: await backupOfDemo(stack),
        targetTenantId: stack.demoTenantId,
        types: ['deviceCompliancePolicy'],
      },
    },
  );
  await page.goto(`${stack.url}/restore/plans/${String(preview.result?.planId)}`);
  await expect(page.getByRole('table', { name: 'Planned objects' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Confirm restore' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Confirm restore' })).toHaveAccessibleDescription(
    /Needs the admin role on this tenant to confirm a restore into it/,
  );
  await checkPage(page, 'restore-plan-viewer');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Restore' }).click();
  await page.getByRole('combobox', { name: 'Target tenant' }).click();
  await page.getByRole('option', { name: 'Contoso (demo)' }).click();
  await expect(page.getByRole('button', { name: 'Preview restore' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Preview restore' })).toHaveAccessibleDescription(
    /Needs the operator role on this tenant to preview a restore into it/,
  );
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
