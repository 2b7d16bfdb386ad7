import { randomBytes } from 'node:crypto';
import type { GraphSimulator, SimCertificate, SimTenantInput } from '../../../graph-simulator';
import { TenantGraphConnection } from '../tenant-graph-connection';

/** One simulator tenant with one app whose credentials the test knows, and its connection for the GraphClient. */
export interface SimTestTenant {
  tenantId: string;
  clientId: string;
  secret: string;
  conn: TenantGraphConnection;
}

let counter = 0;

export function addSimTenant(
  sim: GraphSimulator,
  opts: { roles?: string[]; certificates?: SimCertificate[]; groups?: SimTenantInput['groups'] } = {},
): SimTestTenant {
  const secret = `sim-test-secret-${randomBytes(12).toString('hex')}`;
  const info = sim.addTenant({
    displayName: `Graph layer test ${++counter}`,
    apps: [{ clientSecret: secret, roles: opts.roles, certificates: opts.certificates }],
    groups: opts.groups,
  });
  const clientId = info.apps[0].clientId;
  return {
    tenantId: info.tenantId,
    clientId,
    secret,
    conn: {
      connectionKey: `${info.tenantId}:v1`,
      entraTenantId: info.tenantId,
      clientId,
      credential: { kind: 'secret', secret },
    },
  };
}

/** Puts `count` Windows custom configurations straight into the simulator's state (no HTTP, no throttle). */
export function seedDeviceConfigurations(sim: GraphSimulator, tenantId: string, count: number): void {
  const tenant = sim.tenant(tenantId);
  for (let i = 0; i < count; i++) {
    tenant.put('deviceManagement/deviceConfigurations', {
      entity: {
        '@odata.type': '#microsoft.graph.windows10CustomConfiguration',
        id: `cfg-${i}`,
        displayName: `Config ${i}`,
        description: `Seeded configuration ${i}`,
        version: 1,
        roleScopeTagIds: ['0'],
        omaSettings: [],
      },
      subs: { assignments: [] },
    });
  }
}
