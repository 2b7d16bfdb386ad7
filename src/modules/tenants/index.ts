import './application/tenants.run-types';

export { TenantsModule } from './tenants.module';
export { TenantsFacade, type ActiveTenant } from './application/tenants.facade';
export type { TenantVerifyResult } from './application/tenants.run-types';
export { Tenant } from './graphql/tenant.type';
