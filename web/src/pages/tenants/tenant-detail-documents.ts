import { graphql } from '../../gql';

export const TenantQuery = graphql(`
  query Tenant($id: ID!) {
    tenant(id: $id) {
      ...TenantSummaryFields
      grantedPermissions
    }
    inventorySchedule(tenantId: $id) {
      cron
      updatedAt
    }
  }
`);

export const VerifyTenant = graphql(`
  mutation VerifyTenant($tenantId: ID!) {
    verifyTenant(tenantId: $tenantId) {
      ...RunFields
    }
  }
`);

export const StartInventorySync = graphql(`
  mutation StartInventorySync($tenantId: ID!) {
    startInventorySync(tenantId: $tenantId) {
      ...RunFields
    }
  }
`);

export const RenameTenant = graphql(`
  mutation RenameTenant($id: ID!, $displayName: String!) {
    renameTenant(id: $id, displayName: $displayName) {
      id
      displayName
    }
  }
`);

export const ArchiveTenant = graphql(`
  mutation ArchiveTenant($id: ID!) {
    archiveTenant(id: $id) {
      id
      status
      archivedAt
    }
  }
`);

export const SetInventorySchedule = graphql(`
  mutation SetInventorySchedule($tenantId: ID!, $cron: String) {
    setInventorySchedule(tenantId: $tenantId, cron: $cron) {
      cron
      updatedAt
    }
  }
`);

export const TenantMembersQuery = graphql(`
  query TenantMembers($tenantId: ID!) {
    tenantMembers(tenantId: $tenantId) {
      id
      userUpn
      userId
      role
      grantedAt
      grantedBy
    }
  }
`);

export const GrantTenantAccess = graphql(`
  mutation GrantTenantAccess($tenantId: ID!, $userUpn: String!, $role: TenantRole!) {
    grantTenantAccess(tenantId: $tenantId, userUpn: $userUpn, role: $role) {
      id
      userUpn
      role
    }
  }
`);

export const RevokeTenantAccess = graphql(`
  mutation RevokeTenantAccess($tenantId: ID!, $userUpn: String!) {
    revokeTenantAccess(tenantId: $tenantId, userUpn: $userUpn)
  }
`);
