import { randomBytes, randomUUID } from 'node:crypto';
import { SIM_ALL_PERMISSIONS } from './permissions';
import { SimTenant, type SimGroup, type SimTenantInput } from './simulator-state';
import type { SpaClient } from './spa-clients';
import { generateGroups } from './synthetic-seed';

/** Fixed identities so a demo, a README and a curl line keep working across restarts. */
export const DEMO_TENANT = {
  tenantId: '11111111-1111-4111-8111-111111111111',
  displayName: 'TenantAtlas Demo',
  domain: 'demo.tenantatlas.test',
  clientId: '22222222-2222-4222-8222-222222222222',
  clientSecret: 'demo-secret-value',
  servicePrincipalId: '44444444-4444-4444-8444-444444444444',
  upn: 'admin@demo.tenantatlas.test',
  password: 'demo-password',
  oid: '33333333-3333-4333-8333-333333333333',
  /** The console's single-page-app registration (public client). */
  consoleClientId: '55555555-5555-4555-8555-555555555555',
} as const;

/** The console's registration: loopback redirect URIs without a port match any port (Entra's localhost rule). */
export function demoConsoleClient(): SpaClient {
  return {
    clientId: DEMO_TENANT.consoleClientId,
    displayName: 'TenantAtlas console (demo)',
    redirectUris: ['http://127.0.0.1/auth/callback', 'http://localhost/auth/callback'],
  };
}

export function demoTenantInput(): SimTenantInput {
  return {
    tenantId: DEMO_TENANT.tenantId,
    displayName: DEMO_TENANT.displayName,
    domain: DEMO_TENANT.domain,
    apps: [
      {
        clientId: DEMO_TENANT.clientId,
        clientSecret: DEMO_TENANT.clientSecret,
        roles: [...SIM_ALL_PERMISSIONS],
        displayName: 'TenantAtlas Demo App',
      },
    ],
    users: [{ oid: DEMO_TENANT.oid, upn: DEMO_TENANT.upn, password: DEMO_TENANT.password, displayName: 'Demo Admin' }],
  };
}

const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '')
    .slice(0, 24) || 'tenant';

/** Builds a tenant from test input, filling ids and secrets; ids are lower-case like Entra's. */
export function createTenant(input: SimTenantInput): SimTenant {
  const tenantId = (input.tenantId ?? randomUUID()).toLowerCase();
  const displayName = input.displayName ?? `Sim Tenant ${tenantId.slice(0, 8)}`;
  const domain = input.domain ?? `${slug(displayName)}.onmicrosoft.com`;
  const apps = (input.apps ?? [{}]).map((a, i) => ({
    clientId: (a.clientId ?? randomUUID()).toLowerCase(),
    clientSecret: a.clientSecret ?? (a.certificates?.length ? null : `sim-${randomBytes(18).toString('base64url')}`),
    secretExpiresAt: a.secretExpiresAt ?? null,
    certificates: a.certificates ?? [],
    roles: a.roles ? [...a.roles] : [...SIM_ALL_PERMISSIONS],
    displayName: a.displayName ?? `Sim App ${i + 1}`,
    servicePrincipalId: tenantId === DEMO_TENANT.tenantId && i === 0 ? DEMO_TENANT.servicePrincipalId : randomUUID(),
  }));
  const users = (input.users ?? []).map((u) => ({
    oid: (u.oid ?? randomUUID()).toLowerCase(),
    upn: u.upn,
    password: u.password ?? `sim-${randomBytes(9).toString('base64url')}`,
    displayName: u.displayName ?? u.upn.split('@')[0],
    delegatedConsent: u.delegatedConsent ?? true,
  }));
  const tenant = new SimTenant(tenantId, displayName, domain, apps, users);
  if (typeof input.groups === 'number') tenant.groups.push(...generateGroups(tenantId, input.groups));
  else if (Array.isArray(input.groups)) tenant.groups.push(...input.groups.map((g, i) => completeGroup(g, i)));
  return tenant;
}

export function completeGroup(g: Partial<SimGroup> & { displayName: string }, i = 0): SimGroup {
  const nick = g.mailNickname ?? g.displayName.toLowerCase().replace(/[^a-z0-9]/g, '');
  return {
    id: g.id ?? randomUUID(),
    displayName: g.displayName,
    description: g.description ?? null,
    mail: g.mail ?? null,
    mailNickname: nick,
    mailEnabled: g.mailEnabled ?? false,
    securityEnabled: g.securityEnabled ?? true,
    groupTypes: g.groupTypes ?? [],
    membershipRule: g.membershipRule ?? null,
    createdDateTime: g.createdDateTime ?? new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
  };
}
