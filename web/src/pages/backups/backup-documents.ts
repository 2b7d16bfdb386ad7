import { graphql } from '../../gql';

export const BackupsQuery = graphql(`
  query Backups($tenantId: ID!, $first: Int, $after: String) {
    backups(tenantId: $tenantId, first: $first, after: $after) {
      edges {
        node {
          id
          tenantId
          createdAt
          completedAt
          status
          source
          label
          itemCount
          newVersionCount
          needsSecretReentryCount
          runId
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BackupQuery = graphql(`
  query Backup($id: ID!) {
    backup(id: $id) {
      id
      tenantId
      createdAt
      completedAt
      status
      source
      label
      itemCount
      newVersionCount
      newPayloadCount
      needsSecretReentryCount
      runId
      countsByType {
        typeKey
        label
        count
      }
    }
  }
`);

export const BackupItemsQuery = graphql(`
  query BackupItems($backupId: ID!, $filter: BackupItemFilterInput, $first: Int, $after: String) {
    backupItems(backupId: $backupId, filter: $filter, first: $first, after: $after) {
      edges {
        node {
          id
          displayName
          typeKey
          changed
          needsSecretReentry
          versionNumber
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const BackupItemQuery = graphql(`
  query BackupItem($id: ID!, $backupId: ID) {
    backupItem(id: $id, backupId: $backupId) {
      id
      backupId
      tenantId
      typeKey
      odataType
      sourceId
      displayName
      changed
      versionId
      versionNumber
      payloadHash
      assignmentsHash
      needsSecretReentry
      secretPaths
      payload
      assignments
    }
  }
`);

export const PolicyVersionsQuery = graphql(`
  query PolicyVersions($tenantId: ID!, $typeKey: String!, $sourceId: String!, $first: Int, $after: String) {
    policyVersions(tenantId: $tenantId, typeKey: $typeKey, sourceId: $sourceId, first: $first, after: $after) {
      edges {
        node {
          id
          versionNumber
          createdAt
          firstBackupId
          latestItemId
          payloadHash
          assignmentsHash
        }
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`);

export const StartBackup = graphql(`
  mutation StartBackup($tenantId: ID!, $types: [String!], $itemIds: [ID!]) {
    startBackup(tenantId: $tenantId, types: $types, itemIds: $itemIds) {
      ...RunFields
    }
  }
`);

export const BackupScheduleQuery = graphql(`
  query BackupSchedule($tenantId: ID!) {
    backupSchedule(tenantId: $tenantId) {
      cron
      updatedAt
    }
  }
`);

export const SetBackupSchedule = graphql(`
  mutation SetBackupSchedule($tenantId: ID!, $cron: String) {
    setBackupSchedule(tenantId: $tenantId, cron: $cron) {
      cron
      updatedAt
    }
  }
`);

export const DiffBackupItemsQuery = graphql(`
  query DiffBackupItems($leftId: ID!, $rightId: ID!) {
    diffBackupItems(leftId: $leftId, rightId: $rightId) {
      payloadChanged
      assignmentsChanged
      left {
        itemId
        backupId
        displayName
      }
      right {
        itemId
        backupId
        displayName
      }
      rows {
        path
        label
        kind
        left
        right
      }
    }
  }
`);

export const DiffBackupsQuery = graphql(`
  query DiffBackups($leftBackupId: ID!, $rightBackupId: ID!) {
    diffBackups(leftBackupId: $leftBackupId, rightBackupId: $rightBackupId) {
      added
      removed
      changed
      unchanged
      truncated
      objects {
        kind
        name
        typeKey
        leftItemId
        rightItemId
        payloadChanged
        assignmentsChanged
        rows {
          path
          label
          kind
          left
          right
        }
      }
    }
  }
`);

export const StartCompareBackupToLive = graphql(`
  mutation StartCompareBackupToLive($backupItemId: ID!) {
    startCompareBackupToLive(backupItemId: $backupItemId) {
      ...RunFields
    }
  }
`);

export const BackupRetentionQuery = graphql(`
  query BackupRetention($tenantId: ID!) {
    backupRetention(tenantId: $tenantId) {
      keepAll
      keepLast
      keepDays
    }
  }
`);

export const SetBackupRetention = graphql(`
  mutation SetBackupRetention($tenantId: ID!, $keepLast: Int, $keepDays: Int) {
    setBackupRetention(tenantId: $tenantId, keepLast: $keepLast, keepDays: $keepDays) {
      keepAll
      keepLast
      keepDays
      pruneRun {
        ...RunFields
      }
    }
  }
`);
