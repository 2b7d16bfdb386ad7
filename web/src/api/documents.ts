import { graphql } from '../gql';

/** Every page that shows a run reads the same fields; live messages carry them too. */
export const RunFields = graphql(`
  fragment RunFields on OperationRun {
    id
    type
    status
    outcome
    tenantId
    initiatorUserId
    attempt
    createdAt
    startedAt
    finishedAt
    cancelRequestedAt
    heartbeatAt
    version
    summaryCounts {
      total
      processed
      succeeded
      failed
      skipped
      metrics
    }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me {
      id
      upn
      name
      isPlatformAdmin
    }
  }
`);

export const TenantOptionsQuery = graphql(`
  query TenantOptions {
    tenants {
      id
      displayName
      myRole
      status
    }
  }
`);

export const RunUpdatesSubscription = graphql(`
  subscription RunUpdates($tenantId: ID, $id: ID) {
    operationRunUpdated(tenantId: $tenantId, id: $id) {
      ...RunFields
    }
  }
`);

export const RunByIdQuery = graphql(`
  query RunById($id: ID!) {
    operationRun(id: $id) {
      ...RunFields
      result
      failures {
        at
        code
        item
        message
      }
    }
  }
`);
