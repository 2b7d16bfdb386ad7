import type { GraphContract } from '../../../infrastructure/graph';

export interface ObservedItem {
  externalId: string;
  name: string;
  odataType: string | null;
  platform: string | null;
  lastModifiedAt: string | null;
  version: string | null;
  scopeTagIds: string[];
  meta: Record<string, unknown>;
}

const MAX_META_STRING = 1024;
const MAX_META_ARRAY = 50;

/** Graph object → inventory row: the contract's name field, platform hint and `meta` whitelist; nothing else. */
export function toObservedItem(contract: GraphContract, object: Record<string, unknown>): ObservedItem | null {
  const id = object.id;
  if (typeof id !== 'string' || !id) return null;
  const odataType =
    typeof object['@odata.type'] === 'string'
      ? (object['@odata.type'] as string)
      : contract.polymorphic
        ? null
        : contract.odataType;
  const name = [object[contract.nameField], object.displayName, object.name].find(
    (v) => typeof v === 'string' && v.trim(),
  ) as string | undefined;
  const modified = object.lastModifiedDateTime ?? object.modifiedDateTime;
  const tags = object.roleScopeTagIds ?? object.roleScopeTags;
  return {
    externalId: id,
    name: name ?? `(unnamed ${id})`,
    odataType,
    platform: platformOf(contract, object, odataType),
    lastModifiedAt: typeof modified === 'string' ? modified : null,
    version: object.version === null || object.version === undefined ? null : String(object.version),
    scopeTagIds: Array.isArray(tags) ? tags.map(String) : [],
    meta: pickMeta(contract.metaFields, object),
  };
}

function pickMeta(fields: readonly string[], object: Record<string, unknown>): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const field of fields) {
    const value = object[field];
    if (value === undefined) continue;
    if (typeof value === 'string')
      meta[field] = value.length > MAX_META_STRING ? value.slice(0, MAX_META_STRING) : value;
    else if (typeof value === 'number' || typeof value === 'boolean' || value === null) meta[field] = value;
    else if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v)))
      meta[field] = value.slice(0, MAX_META_ARRAY);
    else if (
      value &&
      typeof value === 'object' &&
      Object.values(value).every((v) => v === null || ['string', 'number', 'boolean'].includes(typeof v))
    )
      meta[field] = value;
    // Nested structures (settings trees, rule blocks) are payload, not metadata: never kept.
  }
  return meta;
}

function platformOf(contract: GraphContract, object: Record<string, unknown>, odataType: string | null): string | null {
  switch (contract.platform.from) {
    case 'fixed':
      return contract.platform.value;
    case 'field': {
      const value = object[contract.platform.field];
      return typeof value === 'string' && value ? value : null;
    }
    case 'odataType':
      return odataType ? platformFromODataType(odataType) : null;
    default:
      return null;
  }
}

export function platformFromODataType(odataType: string): string | null {
  const name = odataType.replace('#microsoft.graph.', '').toLowerCase();
  if (name.startsWith('windows') || name.startsWith('win32') || name.startsWith('microsoftstore')) return 'windows';
  if (name.startsWith('ios') || name.startsWith('iphone')) return 'iOS';
  if (name.startsWith('macos')) return 'macOS';
  if (name.startsWith('android') || name.startsWith('aosp')) return 'android';
  return null;
}
