import { detectTypeKey } from './detect-type-key';

const none = { odataType: null, odataContext: null, folder: null };
const mg = (t: string) => `#microsoft.graph.${t}`;

describe('detectTypeKey', () => {
  it.each([
    [mg('deviceManagementConfigurationPolicy'), 'settingsCatalogPolicy'],
    [mg('iosManagedAppProtection'), 'iosManagedAppProtection'],
    [mg('windowsDriverUpdateProfile'), 'windowsDriverUpdateProfile'],
    [mg('groupPolicyConfiguration'), 'groupPolicyConfiguration'],
    [mg('deviceAndAppManagementAssignmentFilter'), 'assignmentFilter'],
  ])('a contract @odata.type %s is that contract', (odataType, key) => {
    expect(detectTypeKey({ ...none, odataType, folder: 'SomewhereElse' })).toBe(key);
  });

  it('places a subtype by the collection in @odata.context first', () => {
    expect(
      detectTypeKey({
        ...none,
        odataType: mg('windowsHealthMonitoringConfiguration'),
        odataContext: 'https://graph.microsoft.com/beta/$metadata#deviceManagement/deviceConfigurations/$entity',
      }),
    ).toBe('deviceConfiguration');
  });

  it('places a subtype by its folder, then by Graph naming', () => {
    expect(detectTypeKey({ ...none, odataType: mg('someNewProfileKind'), folder: 'DeviceConfiguration' })).toBe(
      'deviceConfiguration',
    );
    expect(detectTypeKey({ ...none, odataType: mg('windows10CompliancePolicy') })).toBe('deviceCompliancePolicy');
    expect(detectTypeKey({ ...none, odataType: mg('azureADWindowsAutopilotDeploymentProfile') })).toBe(
      'windowsAutopilotDeploymentProfile',
    );
    expect(detectTypeKey({ ...none, odataType: mg('win32LobApp') })).toBe('mobileApp');
  });

  it('never makes a non-polymorphic contract out of another type, whatever the folder says', () => {
    expect(detectTypeKey({ ...none, odataType: mg('group'), folder: 'SettingsCatalog' })).toBeNull();
    expect(
      detectTypeKey({ ...none, odataType: mg('targetedManagedAppConfiguration'), folder: 'AppProtection' }),
    ).toBeNull();
  });

  it('places an object without @odata.type only by its collection or an unambiguous folder', () => {
    expect(
      detectTypeKey({
        ...none,
        odataContext:
          'https://graph.microsoft.com/beta/$metadata#deviceAppManagement/androidManagedAppProtections/$entity',
      }),
    ).toBe('androidManagedAppProtection');
    expect(detectTypeKey({ ...none, folder: 'AppProtection' })).toBeNull();
    expect(detectTypeKey({ ...none, folder: 'ScopeTags' })).toBe('roleScopeTag');
    expect(detectTypeKey(none)).toBeNull();
  });
});
