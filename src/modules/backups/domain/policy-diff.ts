import { canonicalAssignments, canonicalPayload } from './canonical-form';
import { assignmentTargetKey, assignmentTargetKind, isJsonObject, naturalKey, type JsonObject } from './natural-key';
import { canonicalJson } from './rfc8785';
import { findSecretPlaceholders } from './secret-placeholders';

/**
 * The semantic diff of two versions of a policy (two backups, two tenants, or a backup and the live object): only
 * what an admin would call a change. Both sides go through the canonical form first (ids, timestamps, OData noise
 * gone; null, "" and [] equal; arrays as sets), then:
 * - settings-catalog settings are matched by `settingDefinitionId` at every depth and labelled with the
 *   definition's display name where known (else the id); a setting's value wrappers (`settingInstance`,
 *   `choiceSettingValue.value`, …) are not part of its path, so one changed setting is one row;
 * - other arrays of objects are matched by natural key (OMA-URI, definition id, app id, target), items without one
 *   by content (equal items match; the rest pair up in order, extras are added or removed);
 * - arrays of plain values are sets: one `changed` row with both sets when they differ;
 * - assignments are matched by target (type + group) and labelled with the group's name.
 * Pure: no I/O; the caller passes the lookups it has (a label cache, the directory cache).
 */
export type DiffKind = 'added' | 'removed' | 'changed';

export interface DiffRow {
  path: string;
  label: string;
  kind: DiffKind;
  left: unknown;
  right: unknown;
}

export interface DiffLookups {
  settingLabel?(definitionId: string): string | undefined;
  groupName?(groupId: string): string | undefined;
}

export interface PolicySide {
  payload: unknown;
  assignments?: unknown[] | null;
}

export function diffPolicies(
  typeKey: string,
  left: PolicySide,
  right: PolicySide,
  lookups: DiffLookups = {},
): DiffRow[] {
  const rows: DiffRow[] = [];
  const differ = new Differ(lookups, rows);
  differ.value(canonicalPayload(typeKey, left.payload), canonicalPayload(typeKey, right.payload), '', '');
  differ.assignments(canonicalAssignments(left.assignments), canonicalAssignments(right.assignments));
  return maskSecrets(rows, [
    ...findSecretPlaceholders(typeKey, left.payload),
    ...findSecretPlaceholders(typeKey, right.payload),
  ]);
}

/** What a diff shows instead of a secret's placeholder or token (it is never the secret, but not for display). */
export const SECRET_MASK = '[secret]';

/** Rows at, under or above a secret setting's path show the mask on both sides. */
function maskSecrets(rows: DiffRow[], secretPaths: string[]): DiffRow[] {
  if (secretPaths.length === 0) return rows;
  const touches = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || a.startsWith(`${b}[`);
  return rows.map((row) =>
    secretPaths.some((p) => touches(row.path, p) || touches(p, row.path))
      ? {
          ...row,
          left: row.left === undefined ? undefined : SECRET_MASK,
          right: row.right === undefined ? undefined : SECRET_MASK,
        }
      : row,
  );
}

/** Keys that wrap a setting's value and add nothing a human reads: left out of paths and labels. */
function isTransparentKey(key: string, parent: JsonObject): boolean {
  if (key === 'settingInstance') return true;
  if (/Setting(Collection)?Value$/.test(key)) return true;
  // The `value` of a settings-catalog value object (`choiceSettingValue.value`) is the setting's value.
  return key === 'value' && typeof parent['@odata.type'] === 'string' && /SettingValue$/.test(parent['@odata.type']);
}

function isSettingItem(item: unknown): boolean {
  return isJsonObject(item) && (isJsonObject(item.settingInstance) || typeof item.settingDefinitionId === 'string');
}

/** `{value: x}` (a settings-catalog collection value): a plain value in a set. */
function unwrapValue(item: unknown): unknown {
  if (!isJsonObject(item)) return item;
  const keys = Object.keys(item).filter((k) => k !== '@odata.type');
  return keys.length === 1 && keys[0] === 'value' && !isJsonObject(item.value) && !Array.isArray(item.value)
    ? item.value
    : item;
}

function isPlain(value: unknown): boolean {
  return !isJsonObject(value) && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** A setting (or any value) as a human reads it: a setting's value, with its children keyed by definition id. */
export function readable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => readable(unwrapValue(v)));
  if (!isJsonObject(value)) return value;
  if (!isSettingItem(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, readable(v)]));
  const instance = isJsonObject(value.settingInstance) ? value.settingInstance : value;
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(instance)) {
    if (key === '@odata.type' || key === 'settingDefinitionId' || key.endsWith('TemplateReference')) continue;
    if (!/Setting(Collection)?Value$/.test(key)) out[key] = readable(v);
    else if (Array.isArray(v)) out.value = v.map((item) => collapse(settingValue(item)));
    else Object.assign(out, settingValue(v));
  }
  return collapse(out);
}

/** `{value, children}` of a settings-catalog value object. */
function settingValue(v: unknown): JsonObject {
  if (!isJsonObject(v)) return { value: v };
  const out: JsonObject = {};
  if (v.value !== undefined) out.value = readable(v.value);
  if (Array.isArray(v.children)) {
    out.children = Object.fromEntries(v.children.map((c) => [naturalKey(c) ?? '?', readable(c)]));
  }
  return out;
}

/** `{value: x}` → `x`. */
function collapse(out: JsonObject): unknown {
  const keys = Object.keys(out);
  return keys.length === 1 && keys[0] === 'value' ? out.value : out;
}

class Differ {
  constructor(
    private readonly lookups: DiffLookups,
    private readonly rows: DiffRow[],
  ) {}

  private row(kind: DiffKind, path: string, label: string, left: unknown, right: unknown): void {
    this.rows.push({ path, label: label || path, kind, left: readable(left), right: readable(right) });
  }

  value(left: unknown, right: unknown, path: string, label: string): void {
    if (left === undefined && right === undefined) return;
    if (left === undefined) return this.row('added', path, label, undefined, right);
    if (right === undefined) return this.row('removed', path, label, left, undefined);
    if (isJsonObject(left) && isJsonObject(right)) return this.object(left, right, path, label);
    if (Array.isArray(left) && Array.isArray(right)) return this.array(left, right, path, label);
    if (canonicalJson(left) !== canonicalJson(right)) this.row('changed', path, label, left, right);
  }

  private object(left: JsonObject, right: JsonObject, path: string, label: string): void {
    const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
    for (const key of keys) {
      if (isTransparentKey(key, left) || isTransparentKey(key, right)) {
        this.value(left[key], right[key], path, label);
      } else {
        // Inside a setting the label stays the setting's name; elsewhere it is the property path.
        this.value(left[key], right[key], join(path, key), label ? `${label} › ${key}` : join(path, key));
      }
    }
  }

  private array(left: unknown[], right: unknown[], path: string, label: string): void {
    const l = left.map(unwrapValue);
    const r = right.map(unwrapValue);
    if (l.every(isPlain) && r.every(isPlain)) {
      const lt = new Set(l.map((v) => canonicalJson(v)));
      const rt = new Set(r.map((v) => canonicalJson(v)));
      if (lt.size !== rt.size || [...lt].some((t) => !rt.has(t))) this.row('changed', path, label, l, r);
      return;
    }
    const { pairs, leftOnly, rightOnly } = pairItems(l, r);
    for (const [key, a, b] of pairs) this.value(a, b, `${path}[${key}]`, this.itemLabel(a, key, path, label));
    for (const [key, a] of leftOnly) this.value(a, undefined, `${path}[${key}]`, this.itemLabel(a, key, path, label));
    for (const [key, b] of rightOnly) this.value(undefined, b, `${path}[${key}]`, this.itemLabel(b, key, path, label));
  }

  private itemLabel(item: unknown, key: string, path: string, label: string): string {
    if (isSettingItem(item)) return this.lookups.settingLabel?.(key) ?? key;
    if (isJsonObject(item)) {
      const name = item.displayName ?? (isJsonObject(item.definition) ? item.definition.displayName : undefined);
      if (typeof name === 'string' && name) return name;
    }
    return `${label || path}[${key}]`;
  }

  assignments(left: unknown[], right: unknown[]): void {
    const { pairs, leftOnly, rightOnly } = pairItems(left, right);
    const label = (a: unknown) => this.assignmentLabel(a);
    for (const [key, a, b] of pairs) {
      if (canonicalJson(a) !== canonicalJson(b)) this.assignmentRow('changed', key, label(b), a, b);
    }
    for (const [key, a] of leftOnly) this.assignmentRow('removed', key, label(a), a, undefined);
    for (const [key, b] of rightOnly) this.assignmentRow('added', key, label(b), undefined, b);
  }

  private assignmentRow(kind: DiffKind, key: string, label: string, left: unknown, right: unknown): void {
    this.rows.push({
      path: `assignments[${key}]`,
      label,
      kind,
      left: this.readableAssignment(left),
      right: this.readableAssignment(right),
    });
  }

  private groupOf(assignment: unknown): { id?: string; name?: string } {
    const target = isJsonObject(assignment) && isJsonObject(assignment.target) ? assignment.target : {};
    const id = typeof target.groupId === 'string' ? target.groupId : undefined;
    return { id, name: id ? this.lookups.groupName?.(id) : undefined };
  }

  private assignmentLabel(assignment: unknown): string {
    const target = isJsonObject(assignment) && isJsonObject(assignment.target) ? assignment.target : {};
    const kind = assignmentTargetKind(target);
    const group = this.groupOf(assignment);
    const who = group.id ? `group "${group.name ?? group.id}"` : (TARGET_NAMES[kind] ?? kind);
    return `Assignment: ${kind === 'exclusionGroup' ? 'exclude' : 'include'} ${who}`;
  }

  /** The assignment as the canonical form has it, with the group's name beside its id. */
  private readableAssignment(assignment: unknown): unknown {
    if (!isJsonObject(assignment)) return assignment;
    const group = this.groupOf(assignment);
    if (!group.id || !isJsonObject(assignment.target)) return assignment;
    return { ...assignment, target: { ...assignment.target, groupName: group.name ?? null } };
  }
}

const TARGET_NAMES: Record<string, string> = {
  allDevices: 'all devices',
  allLicensedUsers: 'all users',
  group: 'group',
  exclusionGroup: 'group',
};

type Keyed = [key: string, item: unknown];

/**
 * Pairs the items of two canonical arrays: by natural key where it is unique on both sides, then equal items by
 * content, then what is left in order; the rest are only on one side. Unkeyed items are named by their position.
 */
export function pairItems(
  left: unknown[],
  right: unknown[],
): { pairs: Array<[string, unknown, unknown]>; leftOnly: Keyed[]; rightOnly: Keyed[] } {
  const keyOf = (item: unknown) =>
    isJsonObject(item) && isJsonObject(item.target) ? assignmentTargetKey(item.target) : naturalKey(item);
  const count = (items: unknown[]) => {
    const counts = new Map<string, number>();
    for (const item of items) {
      const key = keyOf(item);
      if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return counts;
  };
  const lc = count(left);
  const rc = count(right);
  const unique = (key: string | undefined) => key !== undefined && (lc.get(key) ?? 0) <= 1 && (rc.get(key) ?? 0) <= 1;

  const pairs: Array<[string, unknown, unknown]> = [];
  const leftOnly: Keyed[] = [];
  const rightOnly: Keyed[] = [];
  const rightByKey = new Map<string, unknown>();
  const looseRight: Array<[number, unknown]> = [];
  right.forEach((item, i) => {
    const key = keyOf(item);
    if (unique(key)) rightByKey.set(key as string, item);
    else looseRight.push([i, item]);
  });
  const looseLeft: Array<[number, unknown]> = [];
  left.forEach((item, i) => {
    const key = keyOf(item);
    if (!unique(key)) return looseLeft.push([i, item]);
    if (rightByKey.has(key as string)) {
      pairs.push([key as string, item, rightByKey.get(key as string)]);
      rightByKey.delete(key as string);
    } else leftOnly.push([key as string, item]);
  });
  for (const [key, item] of rightByKey) rightOnly.push([key, item]);

  // Unkeyed (or ambiguous) items: equal ones match; the rest pair in order.
  const rightTexts = new Map<string, number[]>();
  looseRight.forEach(([, item], j) => {
    const text = canonicalJson(item);
    rightTexts.set(text, [...(rightTexts.get(text) ?? []), j]);
  });
  const matched = new Set<number>();
  const unmatchedLeft: Array<[number, unknown]> = [];
  for (const [i, item] of looseLeft) {
    const j = rightTexts.get(canonicalJson(item))?.shift();
    if (j === undefined) unmatchedLeft.push([i, item]);
    else matched.add(j);
  }
  const unmatchedRight = looseRight.filter((_, j) => !matched.has(j));
  const n = Math.min(unmatchedLeft.length, unmatchedRight.length);
  for (let k = 0; k < n; k++) pairs.push([String(unmatchedLeft[k][0]), unmatchedLeft[k][1], unmatchedRight[k][1]]);
  for (const [i, item] of unmatchedLeft.slice(n)) leftOnly.push([String(i), item]);
  for (const [i, item] of unmatchedRight.slice(n)) rightOnly.push([String(i), item]);
  return { pairs, leftOnly, rightOnly };
}
