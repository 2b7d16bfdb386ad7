import { isJsonObject, naturalKey, type JsonObject } from './natural-key';

/**
 * Where a payload holds a secret that Graph returned only as a placeholder, so a restore needs it re-entered
 * (restore-facts §1):
 * - encrypted OMA-URI settings (custom profiles): `isEncrypted: true` with a `secretReferenceValueId`, the value
 *   `****` or `PGEvPg==`; the plaintext needs `getOmaSettingPlainTextValue`, which a backup never calls;
 * - settings catalog secret settings: a `deviceManagementConfigurationSecretSettingValue` (its `valueState` is
 *   `encryptedValueToken`, or `notEncrypted` for a value that was never sealed; neither is a usable secret).
 *
 * Paths use the diff's syntax: object keys joined with `.`, collection items by natural key in `[…]`
 * (`omaSettings[./Vendor/MSFT/…]`, `settings[device_vendor_msft_…].children[…]`), by position when they have none.
 */
export function findSecretPlaceholders(_typeKey: string, payload: unknown): string[] {
  const found: string[] = [];
  walk(payload, '', found);
  return found;
}

const SECRET_VALUE_STATES = new Set(['encryptedValueToken', 'notEncrypted']);

function isSecretSettingValue(value: JsonObject): boolean {
  const type = typeof value['@odata.type'] === 'string' ? value['@odata.type'] : '';
  return (
    type.endsWith('SecretSettingValue') ||
    (typeof value.valueState === 'string' && SECRET_VALUE_STATES.has(value.valueState))
  );
}

function isEncryptedOmaSetting(value: JsonObject): boolean {
  return (
    value.isEncrypted === true ||
    (typeof value.secretReferenceValueId === 'string' && value.secretReferenceValueId !== '')
  );
}

/** The path of a setting instance: its definition id stands for the `settingInstance`/`…SettingValue` wrappers. */
function walk(value: unknown, path: string, found: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, `${path}[${naturalKey(item) ?? index}]`, found));
    return;
  }
  if (!isJsonObject(value)) return;
  if (isSecretSettingValue(value) || isEncryptedOmaSetting(value)) {
    found.push(path);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('@odata.')) continue;
    walk(child, settingsPathSegment(path, key), found);
  }
}

/** Settings catalog wrappers (`settingInstance`, `choiceSettingValue`, `simpleSettingValue`) add nothing to a path. */
function settingsPathSegment(path: string, key: string): string {
  if (key === 'settingInstance' || /Setting(Collection)?Value$/.test(key)) return path;
  return path ? `${path}.${key}` : key;
}
