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
  walk(payload, [], found);
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

/**
 * Walks the payload keeping the path as a stack of segments, joined only for a hit: payloads are walked on every
 * backup and diff, hits are rare. A setting instance's definition id stands for its wrappers (see below).
 */
function walk(value: unknown, segments: string[], found: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      segments.push(`[${naturalKey(item) ?? index}]`);
      walk(item, segments, found);
      segments.pop();
    });
    return;
  }
  if (!isJsonObject(value)) return;
  if (isSecretSettingValue(value) || isEncryptedOmaSetting(value)) {
    found.push(segments.map((s, i) => (i > 0 && !s.startsWith('[') ? `.${s}` : s)).join(''));
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (key.includes('@odata.') || child === null || typeof child !== 'object') continue;
    // Settings catalog wrappers (`settingInstance`, `choiceSettingValue`, …) add nothing to a path.
    const wrapper = key === 'settingInstance' || /Setting(Collection)?Value$/.test(key);
    if (!wrapper) segments.push(key);
    walk(child, segments, found);
    if (!wrapper) segments.pop();
  }
}
