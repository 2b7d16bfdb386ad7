import express, { type Request, type Response, type Router } from 'express';
import { randomUUID } from 'node:crypto';
import type { FaultOptions } from './faults';
import { collectionSpec, type SubResource } from './collections';
import { toStoredObject } from './seed-from-exports';
import type { JsonObject, SimTenant, SimTenantInfo, SimTenantInput } from './simulator-state';
import type { SimStats } from './stats';
import type { ThrottleOptions } from './throttle';

/** What the control surface needs from the simulator (kept narrow so routes stay thin). */
export interface SimControl {
  tenants(): SimTenantInfo[];
  tenant(tenantId: string): SimTenant;
  addTenant(input: SimTenantInput): SimTenantInfo;
  reset(): void;
  seedDir(tenantId: string, dir: string): { loaded: number; byCollection: Record<string, number> };
  seedSynthetic(tenantId: string, perType: number, groups: number): { objects: number; groups: number };
  setThrottle(opts: Partial<ThrottleOptions>): void;
  throttleSettings(): ThrottleOptions;
  setFaults(tenantId: string, faults: Partial<FaultOptions>): void;
  stats(tenantId?: string): SimStats;
  resetStats(): void;
}

/** `/_sim/*`: unauthenticated test and demo back doors; they bypass throttling, faults and permissions. */
export function controlRoutes(sim: SimControl): Router {
  const router = express.Router();
  router.use('/_sim', express.json({ limit: '50mb' }));

  const withTenant = (req: Request, res: Response): SimTenant | null => {
    try {
      return sim.tenant(String(req.params.tid));
    } catch {
      res.status(404).json({ error: `unknown tenant ${String(req.params.tid)}` });
      return null;
    }
  };
  const fail = (res: Response, error: unknown): void => {
    res.status(400).json({ error: error instanceof Error ? error.message : String(error) });
  };

  router.get('/_sim/tenants', (_req, res) => {
    res.json(sim.tenants());
  });
  router.post('/_sim/tenants', (req, res) => {
    try {
      res.status(201).json(sim.addTenant((req.body ?? {}) as SimTenantInput));
    } catch (error) {
      fail(res, error);
    }
  });
  router.post('/_sim/reset', (_req, res) => {
    sim.reset();
    res.json({ ok: true, tenants: sim.tenants().length });
  });
  router.post('/_sim/seed', (req, res) => {
    const body = (req.body ?? {}) as { tenantId?: string; dir?: string; perType?: number; groups?: number };
    try {
      const tenantId = body.tenantId ?? sim.tenants()[0]?.tenantId;
      if (!tenantId) throw new Error('no tenant to seed');
      if (body.dir) res.json(sim.seedDir(tenantId, body.dir));
      else res.json(sim.seedSynthetic(tenantId, Number(body.perType ?? 0), Number(body.groups ?? 0)));
    } catch (error) {
      fail(res, error);
    }
  });
  router.get('/_sim/throttle', (_req, res) => {
    res.json(sim.throttleSettings());
  });
  router.put('/_sim/throttle', (req, res) => {
    sim.setThrottle((req.body ?? {}) as Partial<ThrottleOptions>);
    res.json(sim.throttleSettings());
  });
  router.put('/_sim/faults/:tid', (req, res) => {
    sim.setFaults(String(req.params.tid), (req.body ?? {}) as Partial<FaultOptions>);
    res.json({ ok: true });
  });
  router.get('/_sim/stats', (req, res) => {
    res.json(sim.stats(typeof req.query.tenantId === 'string' ? req.query.tenantId : undefined));
  });
  router.post('/_sim/stats/reset', (_req, res) => {
    sim.resetStats();
    res.json({ ok: true });
  });

  // Collection paths contain a slash (deviceManagement/configurationPolicies), hence the wildcard.
  router.get('/_sim/tenants/:tid/objects/*collection', (req, res) => {
    const tenant = withTenant(req, res);
    if (!tenant) return;
    const collection = (req.params.collection as unknown as string[]).join('/');
    res.json(tenant.list(collection).map((o) => ({ ...o.entity, ...o.subs })));
  });
  router.post('/_sim/tenants/:tid/objects/*collection', (req, res) => {
    const tenant = withTenant(req, res);
    if (!tenant) return;
    const collection = (req.params.collection as unknown as string[]).join('/');
    const raw = (req.body ?? {}) as JsonObject;
    if (!collectionSpec(collection)) return fail(res, new Error(`unknown collection ${collection}`));
    const stored = toStoredObject(collection, { id: randomUUID(), ...raw });
    tenant.put(collection, stored);
    res.status(201).json({ ...stored.entity, ...stored.subs });
  });
  // Changes an object in place, as an admin in the portal would (tests make new versions with it): `entity` is merged
  // into the object, each key of `subs` (settings, assignments, apps, …) replaces that navigation collection.
  router.patch('/_sim/tenants/:tid/objects/*path', (req, res) => {
    const tenant = withTenant(req, res);
    if (!tenant) return;
    const segments = req.params.path as unknown as string[];
    const collection = segments.slice(0, -1).join('/');
    const stored = tenant.get(collection, segments[segments.length - 1]);
    if (!stored) return void res.status(404).json({ error: 'no such object' });
    const body = (req.body ?? {}) as { entity?: JsonObject; subs?: Record<string, JsonObject[]> };
    Object.assign(stored.entity, body.entity ?? {}, { lastModifiedDateTime: new Date().toISOString() });
    for (const [key, value] of Object.entries(body.subs ?? {})) {
      if (!collectionSpec(collection)?.subResources.includes(key as SubResource) || !Array.isArray(value))
        return fail(res, new Error(`${collection} has no sub-resource ${key}`));
      stored.subs[key as SubResource] = value;
    }
    res.json({ ...stored.entity, ...stored.subs });
  });
  router.delete('/_sim/tenants/:tid/objects/*path', (req, res) => {
    const tenant = withTenant(req, res);
    if (!tenant) return;
    const segments = req.params.path as unknown as string[];
    const id = segments[segments.length - 1];
    const removed = tenant.remove(segments.slice(0, -1).join('/'), id);
    res.status(removed ? 204 : 404).end();
  });
  return router;
}
