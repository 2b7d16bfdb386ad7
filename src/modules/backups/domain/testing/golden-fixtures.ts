import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { collectionFromContext } from '../../../../graph-simulator/seed-from-exports';
import { GRAPH_CONTRACTS } from '../../../../infrastructure/graph';
import { isJsonObject, type JsonObject } from '../natural-key';

/** The OpenIntuneBaseline export (72 real policies), read in place: never copied into the repository. */
export const OPENINTUNEBASELINE = join(__dirname, '../../../../../../shared/fixtures/openintunebaseline');

export interface GoldenFixture {
  file: string;
  typeKey: string;
  payload: JsonObject;
}

function* jsonFiles(dir: string): Generator<string> {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* jsonFiles(full);
    else if (name.endsWith('.json')) yield full;
  }
}

/** `…/$metadata#deviceManagement/configurationPolicies(assignments(),settings())/$entity` → its contract's type key. */
function typeKeyOf(context: string): string {
  const collection = '/' + (collectionFromContext(context) ?? '');
  const contract = Object.values(GRAPH_CONTRACTS).find((c) => c.collectionPath === collection);
  if (!contract) throw new Error(`No contract for ${collection}`);
  return contract.typeKey;
}

export function loadGoldenFixtures(): GoldenFixture[] {
  return [...jsonFiles(OPENINTUNEBASELINE)].map((path) => {
    const payload = JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, '')) as JsonObject;
    return { file: relative(OPENINTUNEBASELINE, path), typeKey: typeKeyOf(String(payload['@odata.context'])), payload };
  });
}

/** A small deterministic PRNG (mulberry32), so a failing shuffle can be replayed. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: T[], random: () => number): T[] {
  const out = [...items].reverse();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

const TIMESTAMPS = new Set(['createdDateTime', 'lastModifiedDateTime']);

/**
 * The same policy as Graph might return it another day or in another tenant: new ids for the object and every
 * collection item (and the annotations that embed them), new timestamps and `version`, every array and every
 * object's keys in another order. Nothing a human would call a change.
 */
export function shuffledCopy<T>(value: T, seed = 1): T {
  const random = prng(seed);
  let n = 0;
  const newId = () => `00000000-0000-4000-8000-${String(++n + seed * 1000).padStart(12, '0')}`;
  const visit = (v: unknown, isEntity: boolean): unknown => {
    if (Array.isArray(v))
      return shuffle(
        v.map((x) => visit(x, true)),
        random,
      );
    if (!isJsonObject(v)) return v;
    const entries = shuffle(Object.entries(v), random).map(([k, x]): [string, unknown] => {
      if (isEntity && k === 'id' && typeof x === 'string') return [k, newId()];
      if (isEntity && k === 'version') return [k, typeof x === 'number' ? x + 7 : `${String(x)}-next`];
      if (TIMESTAMPS.has(k) && typeof x === 'string') return [k, '2031-01-02T03:04:05.678Z'];
      if (k.startsWith('@odata.') && k !== '@odata.type' && typeof x === 'string') return [k, `${x}?moved=${seed}`];
      return [k, visit(x, false)];
    });
    return Object.fromEntries(entries);
  };
  return visit(value, true) as T;
}
