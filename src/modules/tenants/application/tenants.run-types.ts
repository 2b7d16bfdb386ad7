/** What a `tenant.verify` run stores: what the connection may do, or why the check failed (never the credential). */
export type TenantVerifyResult =
  | {
      organizationName: string | null;
      grantedPermissions: string[];
      readableTypes: number;
      writableTypes: number;
      canReadGroups: boolean;
      canSearchGroups: boolean;
    }
  | { code: string; message: string };

declare module '../../../infrastructure/runs' {
  interface RunTypeMap {
    'tenant.verify': { context: Record<string, never>; result: TenantVerifyResult };
  }
}
