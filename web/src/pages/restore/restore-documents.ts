import { graphql } from '../../gql';

export const BackupsForRestoreQuery = graphql(`
  query BackupsForRestore($tenantId: ID!) {
    backups(tenantId: $tenantId, first: 50) {
      edges {
        node {
          id
          createdAt
          status
          itemCount
        }
      }
    }
  }
`);

export const BackupForRestoreQuery = graphql(`
  query BackupForRestore($id: ID!) {
    backup(id: $id) {
      id
      tenantId
      createdAt
      itemCount
      countsByType {
        typeKey
        label
        count
      }
    }
  }
`);

export const StartRestorePreview = graphql(`
  mutation StartRestorePreview($input: StartRestorePreviewInput!) {
    startRestorePreview(input: $input) {
      ...RunFields
    }
  }
`);

export const RunResultQuery = graphql(`
  query RestoreRunResult($id: ID!) {
    operationRun(id: $id) {
      id
      status
      outcome
      result
      failures {
        message
      }
    }
  }
`);

export const RestorePlanQuery = graphql(`
  query RestorePlan($id: ID!) {
    restorePlan(id: $id) {
      id
      backupId
      sourceTenantId
      targetTenantId
      status
      mode
      includeAssignments
      planHash
      createdAt
      expiresAt
      confirmedAt
      previewRunId
      executeRunId
      counts {
        create
        update
        skip
        blocked
      }
      mappings {
        kind
        sourceId
        sourceName
        targetId
        foundBy
        note
      }
      items {
        id
        seq
        backupItemId
        displayName
        typeKey
        action
        reasons
        matchedBy
        targetId
        diff {
          path
          left
          right
        }
      }
    }
  }
`);

export const TargetGroupNamesQuery = graphql(`
  query TargetGroupNames($tenantId: ID!) {
    directoryGroups(tenantId: $tenantId, first: 100) {
      edges {
        node {
          externalId
          displayName
        }
      }
    }
  }
`);

export const SetRestoreMapping = graphql(`
  mutation SetRestoreMapping($planId: ID!, $sourceId: String!, $targetId: String!) {
    setRestoreMapping(planId: $planId, sourceId: $sourceId, targetId: $targetId) {
      id
      planHash
    }
  }
`);

export const ConfirmRestorePlan = graphql(`
  mutation ConfirmRestorePlan($planId: ID!, $planHash: String!, $typedTenantName: String!) {
    confirmRestorePlan(planId: $planId, planHash: $planHash, typedTenantName: $typedTenantName) {
      ...RunFields
    }
  }
`);

export const RestoreResultsQuery = graphql(`
  query RestoreResults($runId: ID!) {
    operationRun(id: $runId) {
      ...RunFields
    }
    restoreResults(runId: $runId) {
      id
      seq
      displayName
      typeKey
      status
      created
      targetId
      message
      at
    }
  }
`);

export const RestoreLedgerQuery = graphql(`
  query RestoreLedger($targetTenantId: ID!, $first: Int, $after: String) {
    restoreLedger(targetTenantId: $targetTenantId, first: $first, after: $after) {
      edges {
        node {
          id
          typeKey
          sourceTenantId
          sourceId
          targetId
          planId
          at
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);
