import { collectionSpec, type SubResource } from './collections';

export type JsonObject = Record<string, unknown>;

export interface SimCertificate {
  /** Hex SHA-256 thumbprint of the certificate (what MSAL sends as `x5t#S256`, base64url of these bytes). */
  thumbprintSha256: string;
  /** Optional hex SHA-1 thumbprint, matched against `x5t` from older clients. */
  thumbprint?: string;
  publicKeyPem: string;
}

export interface SimAppInput {
  clientId?: string;
  clientSecret?: string;
  secretExpiresAt?: string;
  certificates?: SimCertificate[];
  /** Granted application permissions; default: every permission the simulator knows (SIM_ALL_PERMISSIONS). */
  roles?: string[];
  displayName?: string;
}

export interface SimUserInput {
  oid?: string;
  upn: string;
  password?: string;
  displayName?: string;
  /** false = no admin/user consent for the API to call Graph on the user's behalf (OBO → AADSTS65001). */
  delegatedConsent?: boolean;
}

export interface SimGroup {
  id: string;
  displayName: string;
  description: string | null;
  mail: string | null;
  mailNickname: string;
  mailEnabled: boolean;
  securityEnabled: boolean;
  groupTypes: string[];
  membershipRule: string | null;
  createdDateTime: string;
}

export interface SimTenantInput {
  tenantId?: string;
  displayName?: string;
  /** Default verified domain; derived from displayName when absent. */
  domain?: string;
  apps?: SimAppInput[];
  users?: SimUserInput[];
  groups?: number | Array<Partial<SimGroup> & { displayName: string }>;
}

export interface SimApp {
  clientId: string;
  clientSecret: string | null;
  secretExpiresAt: string | null;
  certificates: SimCertificate[];
  roles: string[];
  displayName: string;
  /** oid of the app's service principal in this tenant (the `oid` claim of app tokens). */
  servicePrincipalId: string;
}

export interface SimUser {
  oid: string;
  upn: string;
  password: string;
  displayName: string;
  delegatedConsent: boolean;
  /** Epoch seconds: refresh tokens issued before it are refused (Graph's revokeSignInSessions). */
  signInSessionsValidFrom?: number;
}

export interface SimTenantInfo {
  tenantId: string;
  displayName: string;
  domain: string;
  apps: Array<{ clientId: string; clientSecret: string | null; roles: string[] }>;
  users: Array<{ upn: string; password: string; oid: string }>;
}

/** One Intune object: the entity as Graph returns it without $expand, plus its navigation collections. */
export interface StoredObject {
  entity: JsonObject;
  subs: Partial<Record<SubResource, JsonObject[]>>;
  /** Single-valued navigation properties (`roleAssignment.roleDefinition`), rendered only under `$expand`. */
  refs?: Record<string, JsonObject | null>;
}

/** One simulated tenant: directory (apps, users, groups) and Intune objects per collection path. */
export class SimTenant {
  readonly groups: SimGroup[] = [];
  /**
   * Settings-catalog templates whose state in this tenant differs from the default (`active`): a lifecycle state
   * (`superseded`, `retired`…) or `missing` (404). Tests set them; every other well-formed id is offered.
   */
  readonly templateStates = new Map<string, string>();
  private readonly store = new Map<string, Map<string, StoredObject>>();

  constructor(
    readonly tenantId: string,
    public displayName: string,
    readonly domain: string,
    readonly apps: SimApp[],
    readonly users: SimUser[],
  ) {}

  /** Objects of a collection in insertion order; view collections (managedAppPolicies) include their sources. */
  list(collection: string): StoredObject[] {
    const own = [...(this.store.get(collection)?.values() ?? [])];
    const sources = collectionSpec(collection)?.viewOf ?? [];
    return own.concat(sources.flatMap((s) => [...(this.store.get(s)?.values() ?? [])]));
  }

  get(collection: string, id: string): StoredObject | undefined {
    const own = this.store.get(collection)?.get(id);
    if (own) return own;
    for (const s of collectionSpec(collection)?.viewOf ?? []) {
      const hit = this.store.get(s)?.get(id);
      if (hit) return hit;
    }
    return undefined;
  }

  put(collection: string, object: StoredObject): void {
    const id = String(object.entity.id);
    let map = this.store.get(collection);
    if (!map) this.store.set(collection, (map = new Map()));
    map.set(id, object);
  }

  remove(collection: string, id: string): boolean {
    return this.store.get(collection)?.delete(id) ?? false;
  }

  /** Number of stored objects in one collection (own objects only), or in all collections. */
  count(collection?: string): number {
    if (collection) return this.store.get(collection)?.size ?? 0;
    let n = 0;
    for (const m of this.store.values()) n += m.size;
    return n;
  }

  collections(): string[] {
    return [...this.store.keys()];
  }

  clearObjects(): void {
    this.store.clear();
    this.groups.length = 0;
  }

  findApp(clientId: string): SimApp | undefined {
    return this.apps.find((a) => a.clientId.toLowerCase() === clientId.toLowerCase());
  }

  findUser(upnOrOid: string): SimUser | undefined {
    const key = upnOrOid.toLowerCase();
    return this.users.find((u) => u.upn.toLowerCase() === key || u.oid === key);
  }

  info(): SimTenantInfo {
    return {
      tenantId: this.tenantId,
      displayName: this.displayName,
      domain: this.domain,
      apps: this.apps.map((a) => ({ clientId: a.clientId, clientSecret: a.clientSecret, roles: [...a.roles] })),
      users: this.users.map((u) => ({ upn: u.upn, password: u.password, oid: u.oid })),
    };
  }
}

/** All tenants of one simulator, found by id or by verified domain (Entra accepts both in the authority). */
export class SimDirectory {
  private readonly byId = new Map<string, SimTenant>();

  add(tenant: SimTenant): SimTenant {
    this.byId.set(tenant.tenantId, tenant);
    return tenant;
  }

  find(idOrDomain: string): SimTenant | undefined {
    const key = idOrDomain.toLowerCase();
    return this.byId.get(key) ?? [...this.byId.values()].find((t) => t.domain.toLowerCase() === key);
  }

  all(): SimTenant[] {
    return [...this.byId.values()];
  }

  clear(): void {
    this.byId.clear();
  }
}
