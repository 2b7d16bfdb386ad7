import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { startGraphSimulator, type GraphSimulator } from './index';
import { collectionFromContext } from './seed-from-exports';
import { appToken, graph, withoutOdata } from './test-helpers';

const FIXTURES = join(__dirname, '../../../shared/fixtures/openintunebaseline');

function jsonFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? jsonFiles(full) : name.endsWith('.json') ? [full] : [];
  });
}

/** The $expand that brings back exactly the navigation collections an export contains. */
function expandFor(raw: Record<string, unknown>): string {
  const parts: string[] = [];
  if ('assignments' in raw) parts.push('assignments');
  if ('settings' in raw) parts.push('settings');
  if ('apps' in raw) parts.push('apps');
  if ('scheduledActionsForRule' in raw) parts.push('scheduledActionsForRule($expand=scheduledActionConfigurations)');
  return parts.join(',');
}

describe('seeding from Graph exports (openintunebaseline)', () => {
  let sim: GraphSimulator;
  let token: string;
  const files = jsonFiles(FIXTURES);

  beforeAll(async () => {
    sim = await startGraphSimulator({ seedDirs: [FIXTURES] });
    token = await appToken(sim);
  });
  afterAll(() => sim.close());

  it('finds all 72 exports and loads every one of them', () => {
    expect(files).toHaveLength(72);
    expect(sim.tenant(sim.tenants()[0].tenantId).count()).toBe(72);
  });

  it('reads every export back over HTTP with equal content, ignoring @odata annotations', async () => {
    for (const file of files) {
      const raw = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
      const collection = collectionFromContext(String(raw['@odata.context']))!;
      const expand = expandFor(raw);
      const res = await graph(
        sim,
        token,
        `/beta/${collection}/${encodeURIComponent(String(raw.id))}${expand ? `?$expand=${expand}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(withoutOdata(res.body)).toEqual(withoutOdata(raw));
    }
  });

  it('keeps @odata.type (including nested ones) while dropping the other annotations', async () => {
    const res = await graph(
      sim,
      token,
      '/beta/deviceManagement/configurationPolicies/57bf8b16-6539-4cfb-971c-cab04a3c1d1f?$expand=settings',
    );
    expect(res.body['@odata.type']).toBe('#microsoft.graph.deviceManagementConfigurationPolicy');
    expect(res.body.settings[0]['@odata.type']).toBe('#microsoft.graph.deviceManagementConfigurationSetting');
    expect(JSON.stringify(res.body)).not.toMatch(
      /@odata\.(id|editLink|navigationLink|associationLink)|[A-Za-z]@odata\.type/,
    );
  });

  it('leaves sub-resources out of reads without $expand', async () => {
    const res = await graph(
      sim,
      token,
      '/beta/deviceManagement/configurationPolicies/57bf8b16-6539-4cfb-971c-cab04a3c1d1f',
    );
    expect(res.body.name).toBe('Win - OIB - SC - Device Security - D - Timezone - v3.4');
    expect(res.body).not.toHaveProperty('settings');
    expect(res.body).not.toHaveProperty('assignments');
  });
});
