import { DataSource } from 'typeorm';
import { settingDefinitionDisplayName } from '../../../graph-simulator/setting-definitions.handlers';
import { buildDataSourceOptions } from '../../../infrastructure/database/data-source-options';
import { GraphClientSuite } from '../../../infrastructure/graph/testing/graph-client-suite';
import { SettingDefinitionLabels } from './setting-definition-labels';

describe('SettingDefinitionLabels (real PostgreSQL, the Graph simulator over HTTP)', () => {
  const suite = new GraphClientSuite();
  let db: DataSource;
  let labels: SettingDefinitionLabels;

  beforeAll(async () => {
    await suite.start();
    db = await new DataSource(buildDataSourceOptions(process.env.DATABASE_URL!)).initialize();
    labels = new SettingDefinitionLabels(db);
  });
  afterAll(async () => {
    await db.destroy();
    await suite.stop();
  });
  beforeEach(() => suite.reset());

  it('fetches each definition once, in $batches, and answers from the database afterwards', async () => {
    const t = suite.tenant();
    const client = suite.factory().forConnection(t.conn);
    const ids = Array.from({ length: 25 }, (_, i) => `device_vendor_msft_policy_config_test${i}_setting{x}`);
    const before = suite.sim.stats(t.tenantId).requests;
    expect(await labels.remember(client, [...ids, ids[0], "not an id'"])).toBe(25);
    // 25 inner requests in two $batch POSTs.
    expect(suite.sim.stats(t.tenantId).requests - before).toBe(25);
    expect(await labels.remember(client, ids)).toBe(0);
    expect(suite.sim.stats(t.tenantId).requests - before).toBe(25);

    const got = await labels.labels([ids[3], 'never_seen']);
    expect([...got]).toEqual([[ids[3], settingDefinitionDisplayName(ids[3])]]);
  });

  it('leaves ids it could not fetch for the next time', async () => {
    const t = suite.tenant();
    const client = suite.factory({ maxAttempts: 1 }).forConnection(t.conn);
    suite.sim.setFaults(t.tenantId, {
      missingPermissions: ['DeviceManagementConfiguration.Read.All', 'DeviceManagementConfiguration.ReadWrite.All'],
    });
    expect(await labels.remember(client, ['device_vendor_msft_forbidden_once'])).toBe(0);
    suite.sim.setFaults(t.tenantId, { missingPermissions: [] });
    expect(await labels.remember(client, ['device_vendor_msft_forbidden_once'])).toBe(1);
    expect((await labels.labels(['device_vendor_msft_forbidden_once'])).get('device_vendor_msft_forbidden_once')).toBe(
      'Forbidden Once',
    );
  });
});
