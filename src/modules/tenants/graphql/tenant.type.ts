import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { TenantRoleValue } from '../../../infrastructure/access';

export enum TenantStatusValue {
  ACTIVE = 'active',
  ARCHIVED = 'archived',
}
registerEnumType(TenantStatusValue, { name: 'TenantStatus' });

export enum CredentialKindValue {
  SECRET = 'secret',
  CERTIFICATE = 'certificate',
}
registerEnumType(CredentialKindValue, { name: 'CredentialKind' });

@ObjectType({
  description: 'Whether a credential is set and when it expires. The credential itself never leaves the server.',
})
export class TenantCredential {
  @Field(() => CredentialKindValue) kind: CredentialKindValue;
  @Field() setAt: Date;
  @Field(() => Date, {
    nullable: true,
    description: 'Secret expiry as entered, or the certificate notAfter when the PEM carries it.',
  })
  expiresAt: Date | null;
}

@ObjectType('TypeCapability')
export class TypeCapabilityEntry {
  @Field({ description: 'Contract type key, e.g. settingsCatalogPolicy.' }) typeKey: string;
  @Field() canRead: boolean;
  @Field() canWrite: boolean;
}

@ObjectType('TenantCapabilities', {
  description: "What the connection may do, derived from the app's granted Graph permissions at the last verify.",
})
export class TenantCapabilitiesType {
  @Field(() => [TypeCapabilityEntry]) types: TypeCapabilityEntry[];
  @Field() canReadGroups: boolean;
  @Field() canSearchGroups: boolean;
}

@ObjectType('TenantVerification')
export class TenantVerificationType {
  @Field({ description: 'SUCCEEDED or FAILED as lower-case text of the last verify run.' }) status: string;
  @Field({
    description:
      'ok, or the run failure code of the failed check (README › Run failure codes): invalid_credentials, expired_secret, consent_missing, tenant_not_found, app_not_found, token_failed, graph_unavailable, …',
  })
  code: string;
  @Field() message: string;
  @Field(() => String, { nullable: true }) runId: string | null;
  @Field() at: Date;
  @Field(() => String, { nullable: true }) organizationName: string | null;
}

@ObjectType({ description: 'A connected Intune tenant.' })
export class Tenant {
  @Field(() => ID) id: string;
  @Field({ description: 'Entra tenant id (GUID).' }) entraTenantId: string;
  @Field() displayName: string;
  @Field({ description: 'Application (client) id of the app registration TenantAtlas signs in with.' })
  clientId: string;
  @Field(() => TenantStatusValue) status: TenantStatusValue;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => TenantCredential) credential: TenantCredential;
  @Field(() => [String], { nullable: true, description: 'Application permissions granted at the last verify.' })
  grantedPermissions: string[] | null;
  @Field(() => TenantCapabilitiesType, { nullable: true }) capabilities: TenantCapabilitiesType | null;
  @Field(() => TenantVerificationType, { nullable: true }) verification: TenantVerificationType | null;
  @Field(() => TenantRoleValue, { description: "The caller's role on this tenant." }) myRole: TenantRoleValue;
  @Field() createdAt: Date;
}
