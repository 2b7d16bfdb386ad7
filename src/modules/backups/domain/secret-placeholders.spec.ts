import { findSecretPlaceholders } from './secret-placeholders';
import { loadGoldenFixtures } from './testing/golden-fixtures';

describe('findSecretPlaceholders', () => {
  it('finds encrypted OMA-URI settings by their OMA-URI', () => {
    const paths = findSecretPlaceholders('deviceConfiguration', {
      '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
      omaSettings: [
        {
          '@odata.type': '#microsoft.graph.omaSettingString',
          omaUri: './Vendor/MSFT/Plain',
          value: 'x',
          isEncrypted: false,
        },
        {
          '@odata.type': '#microsoft.graph.omaSettingString',
          omaUri: './Vendor/MSFT/WiFi/Key',
          value: 'PGEvPg==',
          isEncrypted: true,
          secretReferenceValueId: '5f0c…',
        },
      ],
    });
    expect(paths).toEqual(['omaSettings[./Vendor/MSFT/WiFi/Key]']);
  });

  it('finds settings catalog secret settings, nested ones too, by setting definition id', () => {
    const secret = (value: string, valueState: string) => ({
      '@odata.type': '#microsoft.graph.deviceManagementConfigurationSecretSettingValue',
      value,
      valueState,
    });
    const paths = findSecretPlaceholders('settingsCatalogPolicy', {
      settings: [
        {
          id: '0',
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
            settingDefinitionId: 'vpn_presharedkey',
            simpleSettingValue: secret('a3f…token', 'encryptedValueToken'),
          },
        },
        {
          id: '1',
          settingInstance: {
            '@odata.type': '#microsoft.graph.deviceManagementConfigurationChoiceSettingInstance',
            settingDefinitionId: 'wifi_profile',
            choiceSettingValue: {
              value: 'wifi_profile_1',
              children: [
                {
                  '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
                  settingDefinitionId: 'wifi_profile_password',
                  simpleSettingValue: secret('plain?', 'notEncrypted'),
                },
                {
                  '@odata.type': '#microsoft.graph.deviceManagementConfigurationSimpleSettingInstance',
                  settingDefinitionId: 'wifi_profile_ssid',
                  simpleSettingValue: {
                    '@odata.type': '#microsoft.graph.deviceManagementConfigurationStringSettingValue',
                    value: 'Corp',
                  },
                },
              ],
            },
          },
        },
      ],
    });
    expect(paths).toEqual(['settings[vpn_presharedkey]', 'settings[wifi_profile].children[wifi_profile_password]']);
  });

  it('finds none in the 72 OpenIntuneBaseline policies, which hold no secrets', () => {
    for (const f of loadGoldenFixtures()) expect(findSecretPlaceholders(f.typeKey, f.payload)).toEqual([]);
  });
});
