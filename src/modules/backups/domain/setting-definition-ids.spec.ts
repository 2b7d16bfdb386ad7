import { settingDefinitionIds } from './setting-definition-ids';
import { loadGoldenFixtures } from './testing/golden-fixtures';

describe('settingDefinitionIds', () => {
  it('collects the definition ids of settings and of their children at any depth, once each', () => {
    const ids = settingDefinitionIds({
      settings: [
        {
          settingInstance: {
            settingDefinitionId: 'a',
            choiceSettingValue: { children: [{ settingDefinitionId: 'a_child' }] },
          },
        },
        {
          settingInstance: {
            settingDefinitionId: 'b',
            groupSettingCollectionValue: [{ children: [{ settingDefinitionId: 'a_child' }] }],
          },
        },
      ],
    });
    expect([...ids].sort()).toEqual(['a', 'a_child', 'b']);
  });

  it('finds hundreds in the OpenIntuneBaseline settings catalog policies and none elsewhere', () => {
    const fixtures = loadGoldenFixtures();
    const all = new Set<string>();
    for (const f of fixtures.filter((x) => x.typeKey === 'settingsCatalogPolicy')) settingDefinitionIds(f.payload, all);
    expect(all.size).toBeGreaterThan(300);
    for (const f of fixtures.filter((x) => x.typeKey !== 'settingsCatalogPolicy'))
      expect(settingDefinitionIds(f.payload).size).toBe(0);
  });
});
