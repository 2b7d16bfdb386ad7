import { graphql } from '../../gql';

export const TenantSummaryFields = graphql(`
  fragment TenantSummaryFields on Tenant {
    id
    displayName
    entraTenantId
    clientId
    status
    myRole
    archivedAt
    createdAt
    credential {
      kind
      expiresAt
      setAt
    }
    verification {
      status
      code
      message
      at
      runId
      organizationName
    }
    capabilities {
      canReadGroups
      canSearchGroups
      types {
        typeKey
        canRead
        canWrite
      }
    }
  }
`);

export const TenantsQuery = graphql(`
  query Tenants($includeArchived: Boolean!) {
    tenants(includeArchived: $includeArchived) {
      ...TenantSummaryFields
    }
  }
`);

export const RegisterTenant = graphql(`
  mutation RegisterTenant($input: RegisterTenantInput!) {
    registerTenant(input: $input) {
      ...TenantSummaryFields
    }
  }
`);

export const UpdateTenantCredentials = graphql(`
  mutation UpdateTenantCredentials($input: UpdateTenantCredentialsInput!) {
    updateTenantCredentials(input: $input) {
      ...TenantSummaryFields
    }
  }
`);
