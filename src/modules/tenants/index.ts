export { TenantsModule } from './tenants.module';
export { TenantsFacade } from './application/tenants.facade';
export {
  Tenant,
  TenantCredential,
  TenantCapabilitiesType,
  TenantStatusValue,
  CredentialKindValue,
} from './graphql/tenant.type';
