import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getContract } from '../../../infrastructure/graph';
import { platformFromODataType, toObservedItem } from './inventory-item.mapper';

const FIXTURES = join(__dirname, '../../../../../shared/fixtures/openintunebaseline');
const settingsCatalog = JSON.parse(
  readFileSync(
    join(
      FIXTURES,
      'WINDOWS/IntuneManagement/SettingsCatalog/Win - OIB - ES - Windows LAPS - D - LAPS Configuration - v3.1.json',
    ),
    'utf8',
  ),
) as Record<string, unknown>;

describe('toObservedItem', () => {
  it('keeps metadata and the whitelisted meta of a settings catalog policy, never its settings tree', () => {
    const item = toObservedItem(getContract('settingsCatalogPolicy'), settingsCatalog)!;
    expect(item.externalId).toBe(settingsCatalog.id);
    expect(item.name).toBe(settingsCatalog.name);
    expect(item.odataType).toBe('#microsoft.graph.deviceManagementConfigurationPolicy');
    expect(item.platform).toBe(settingsCatalog.platforms);
    const stored = JSON.stringify(item);
    expect(stored).not.toContain('settingInstance');
    expect(stored).not.toContain('"assignments"');
    expect(Object.keys(item.meta).every((k) => getContract('settingsCatalogPolicy').metaFields.includes(k))).toBe(true);
  });

  it('reads the platform from the @odata.type of polymorphic types', () => {
    const item = toObservedItem(getContract('deviceCompliancePolicy'), {
      id: 'x',
      displayName: 'P',
      '@odata.type': '#microsoft.graph.windows10CompliancePolicy',
      version: 3,
    })!;
    expect(item).toMatchObject({ platform: 'windows', version: '3', name: 'P' });
    expect(platformFromODataType('#microsoft.graph.iosGeneralDeviceConfiguration')).toBe('iOS');
    expect(platformFromODataType('#microsoft.graph.androidWorkProfileCompliancePolicy')).toBe('android');
    expect(platformFromODataType('#microsoft.graph.macOSCustomConfiguration')).toBe('macOS');
  });

  it('drops nested structures from meta even when whitelisted', () => {
    const contract = { ...getContract('deviceConfiguration'), metaFields: ['description', 'nested'] };
    const item = toObservedItem(contract, {
      id: 'x',
      displayName: 'P',
      description: 'd',
      nested: { deep: { secret: 1 } },
    })!;
    expect(item.meta).toEqual({ description: 'd' });
  });

  it('skips objects without an id', () => {
    expect(toObservedItem(getContract('deviceConfiguration'), { displayName: 'no id' })).toBeNull();
  });
});
