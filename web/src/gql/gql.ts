/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment RunFields on OperationRun {\n    id\n    type\n    status\n    outcome\n    tenantId\n    initiatorUserId\n    attempt\n    createdAt\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    heartbeatAt\n    version\n    summaryCounts {\n      total\n      processed\n      succeeded\n      failed\n      skipped\n      metrics\n    }\n  }\n": typeof types.RunFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      upn\n      name\n      isPlatformAdmin\n    }\n  }\n": typeof types.MeDocument,
    "\n  query TenantOptions {\n    tenants {\n      id\n      displayName\n      myRole\n      status\n    }\n  }\n": typeof types.TenantOptionsDocument,
    "\n  subscription RunUpdates($tenantId: ID, $id: ID) {\n    operationRunUpdated(tenantId: $tenantId, id: $id) {\n      ...RunFields\n    }\n  }\n": typeof types.RunUpdatesDocument,
    "\n  query RunById($id: ID!) {\n    operationRun(id: $id) {\n      ...RunFields\n      result\n      failures {\n        at\n        code\n        item\n        message\n      }\n    }\n  }\n": typeof types.RunByIdDocument,
    "\n  query AuditEvents($tenantId: ID!, $filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          at\n          action\n          actorId\n          actorUpn\n          targetType\n          targetId\n          requestId\n          metadataJson\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.AuditEventsDocument,
    "\n  query Backups($tenantId: ID!, $first: Int, $after: String) {\n    backups(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          tenantId\n          createdAt\n          completedAt\n          status\n          source\n          label\n          itemCount\n          newVersionCount\n          needsSecretReentryCount\n          runId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BackupsDocument,
    "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      completedAt\n      status\n      source\n      label\n      itemCount\n      newVersionCount\n      newPayloadCount\n      needsSecretReentryCount\n      runId\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n": typeof types.BackupDocument,
    "\n  query BackupItems($backupId: ID!, $filter: BackupItemFilterInput, $first: Int, $after: String) {\n    backupItems(backupId: $backupId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          typeKey\n          changed\n          needsSecretReentry\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.BackupItemsDocument,
    "\n  query BackupItem($id: ID!, $backupId: ID) {\n    backupItem(id: $id, backupId: $backupId) {\n      id\n      backupId\n      tenantId\n      typeKey\n      odataType\n      sourceId\n      displayName\n      changed\n      versionId\n      versionNumber\n      payloadHash\n      assignmentsHash\n      needsSecretReentry\n      secretPaths\n      payload\n      assignments\n    }\n  }\n": typeof types.BackupItemDocument,
    "\n  query PolicyVersions($tenantId: ID!, $typeKey: String!, $sourceId: String!, $first: Int, $after: String) {\n    policyVersions(tenantId: $tenantId, typeKey: $typeKey, sourceId: $sourceId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          versionNumber\n          createdAt\n          firstBackupId\n          latestItemId\n          payloadHash\n          assignmentsHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.PolicyVersionsDocument,
    "\n  mutation StartBackup($tenantId: ID!, $types: [String!], $itemIds: [ID!]) {\n    startBackup(tenantId: $tenantId, types: $types, itemIds: $itemIds) {\n      ...RunFields\n    }\n  }\n": typeof types.StartBackupDocument,
    "\n  query BackupSchedule($tenantId: ID!) {\n    backupSchedule(tenantId: $tenantId) {\n      cron\n      updatedAt\n    }\n  }\n": typeof types.BackupScheduleDocument,
    "\n  mutation SetBackupSchedule($tenantId: ID!, $cron: String) {\n    setBackupSchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n": typeof types.SetBackupScheduleDocument,
    "\n  query DiffBackupItems($leftId: ID!, $rightId: ID!) {\n    diffBackupItems(leftId: $leftId, rightId: $rightId) {\n      payloadChanged\n      assignmentsChanged\n      left {\n        itemId\n        backupId\n        displayName\n      }\n      right {\n        itemId\n        backupId\n        displayName\n      }\n      rows {\n        path\n        label\n        kind\n        left\n        right\n      }\n    }\n  }\n": typeof types.DiffBackupItemsDocument,
    "\n  query DiffBackups($leftBackupId: ID!, $rightBackupId: ID!) {\n    diffBackups(leftBackupId: $leftBackupId, rightBackupId: $rightBackupId) {\n      added\n      removed\n      changed\n      unchanged\n      truncated\n      objects {\n        kind\n        name\n        typeKey\n        leftItemId\n        rightItemId\n        payloadChanged\n        assignmentsChanged\n        rows {\n          path\n          label\n          kind\n          left\n          right\n        }\n      }\n    }\n  }\n": typeof types.DiffBackupsDocument,
    "\n  mutation StartCompareBackupToLive($backupItemId: ID!) {\n    startCompareBackupToLive(backupItemId: $backupItemId) {\n      ...RunFields\n    }\n  }\n": typeof types.StartCompareBackupToLiveDocument,
    "\n  query BackupRetention($tenantId: ID!) {\n    backupRetention(tenantId: $tenantId) {\n      keepAll\n      keepLast\n      keepDays\n    }\n  }\n": typeof types.BackupRetentionDocument,
    "\n  mutation SetBackupRetention($tenantId: ID!, $keepLast: Int, $keepDays: Int) {\n    setBackupRetention(tenantId: $tenantId, keepLast: $keepLast, keepDays: $keepDays) {\n      keepAll\n      keepLast\n      keepDays\n      pruneRun {\n        ...RunFields\n      }\n    }\n  }\n": typeof types.SetBackupRetentionDocument,
    "\n  query InventoryItem($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      tenantId\n      externalId\n      name\n      typeKey\n      odataType\n      platform\n      version\n      scopeTagIds\n      meta\n      firstSeenAt\n      lastSeenAt\n      lastSeenRunId\n      lastModifiedAt\n      missingSince\n    }\n  }\n": typeof types.InventoryItemDocument,
    "\n  query InventorySummary($tenantId: ID!) {\n    inventorySummary(tenantId: $tenantId) {\n      totalPresent\n      totalMissing\n      lastSyncAt\n      lastRunId\n      types {\n        typeKey\n        label\n        present\n        missing\n        lastStatus\n        lastReason\n        lastCompleteSyncAt\n      }\n    }\n  }\n": typeof types.InventorySummaryDocument,
    "\n  query InventoryItems($tenantId: ID!, $filter: InventoryItemFilterInput, $first: Int, $after: String) {\n    inventoryItems(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          typeKey\n          platform\n          lastModifiedAt\n          lastSeenAt\n          missingSince\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.InventoryItemsDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    link\n    outcome\n    readAt\n    createdAt\n    runId\n    tenantId\n  }\n": typeof types.NotificationItemFragmentDoc,
    "\n  query MyNotifications {\n    myNotifications(first: 20) {\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n    unread: myNotifications(first: 100, unreadOnly: true) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": typeof types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationItem\n    }\n  }\n": typeof types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": typeof types.MarkNotificationsReadDocument,
    "\n  query OperationRuns($filter: OperationRunFilterInput, $first: Int!, $after: String) {\n    operationRuns(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.OperationRunsDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelOperationRun(id: $id) {\n      ...RunFields\n    }\n  }\n": typeof types.CancelRunDocument,
    "\n  query GroupOptions($tenantId: ID!, $search: String) {\n    directoryGroups(tenantId: $tenantId, search: $search, first: 25) {\n      edges {\n        node {\n          id\n          externalId\n          displayName\n          deletedAt\n        }\n      }\n    }\n  }\n": typeof types.GroupOptionsDocument,
    "\n  query BackupsForRestore($tenantId: ID!) {\n    backups(tenantId: $tenantId, first: 50) {\n      edges {\n        node {\n          id\n          createdAt\n          status\n          itemCount\n        }\n      }\n    }\n  }\n": typeof types.BackupsForRestoreDocument,
    "\n  query BackupForRestore($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      itemCount\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n": typeof types.BackupForRestoreDocument,
    "\n  mutation StartRestorePreview($input: StartRestorePreviewInput!) {\n    startRestorePreview(input: $input) {\n      ...RunFields\n    }\n  }\n": typeof types.StartRestorePreviewDocument,
    "\n  query RestoreRunResult($id: ID!) {\n    operationRun(id: $id) {\n      id\n      status\n      outcome\n      result\n      failures {\n        message\n      }\n    }\n  }\n": typeof types.RestoreRunResultDocument,
    "\n  query RestorePlan($id: ID!) {\n    restorePlan(id: $id) {\n      id\n      backupId\n      sourceTenantId\n      targetTenantId\n      status\n      mode\n      includeAssignments\n      planHash\n      createdAt\n      expiresAt\n      confirmedAt\n      previewRunId\n      executeRunId\n      counts {\n        create\n        update\n        skip\n        blocked\n      }\n      mappings {\n        kind\n        sourceId\n        sourceName\n        targetId\n        foundBy\n        note\n      }\n      items {\n        id\n        seq\n        backupItemId\n        displayName\n        typeKey\n        action\n        reasons\n        matchedBy\n        targetId\n        diff {\n          path\n          left\n          right\n        }\n      }\n    }\n  }\n": typeof types.RestorePlanDocument,
    "\n  query TargetGroupNames($tenantId: ID!) {\n    directoryGroups(tenantId: $tenantId, first: 100) {\n      edges {\n        node {\n          externalId\n          displayName\n        }\n      }\n    }\n  }\n": typeof types.TargetGroupNamesDocument,
    "\n  mutation SetRestoreMapping($planId: ID!, $sourceId: String!, $targetId: String!) {\n    setRestoreMapping(planId: $planId, sourceId: $sourceId, targetId: $targetId) {\n      id\n      planHash\n    }\n  }\n": typeof types.SetRestoreMappingDocument,
    "\n  mutation ConfirmRestorePlan($planId: ID!, $planHash: String!, $typedTenantName: String!) {\n    confirmRestorePlan(planId: $planId, planHash: $planHash, typedTenantName: $typedTenantName) {\n      ...RunFields\n    }\n  }\n": typeof types.ConfirmRestorePlanDocument,
    "\n  query RestoreResults($runId: ID!) {\n    operationRun(id: $runId) {\n      ...RunFields\n    }\n    restoreResults(runId: $runId) {\n      id\n      seq\n      displayName\n      typeKey\n      status\n      created\n      targetId\n      message\n      at\n    }\n  }\n": typeof types.RestoreResultsDocument,
    "\n  query RestoreLedger($targetTenantId: ID!, $first: Int, $after: String) {\n    restoreLedger(targetTenantId: $targetTenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          typeKey\n          sourceTenantId\n          sourceId\n          targetId\n          planId\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.RestoreLedgerDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSummaryFields\n      grantedPermissions\n    }\n    inventorySchedule(tenantId: $id) {\n      cron\n      updatedAt\n    }\n  }\n": typeof types.TenantDocument,
    "\n  mutation VerifyTenant($tenantId: ID!) {\n    verifyTenant(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n": typeof types.VerifyTenantDocument,
    "\n  mutation StartInventorySync($tenantId: ID!) {\n    startInventorySync(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n": typeof types.StartInventorySyncDocument,
    "\n  mutation RenameTenant($id: ID!, $displayName: String!) {\n    renameTenant(id: $id, displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n": typeof types.RenameTenantDocument,
    "\n  mutation ArchiveTenant($id: ID!) {\n    archiveTenant(id: $id) {\n      id\n      status\n      archivedAt\n    }\n  }\n": typeof types.ArchiveTenantDocument,
    "\n  mutation SetInventorySchedule($tenantId: ID!, $cron: String) {\n    setInventorySchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n": typeof types.SetInventoryScheduleDocument,
    "\n  query TenantMembers($tenantId: ID!) {\n    tenantMembers(tenantId: $tenantId) {\n      id\n      userUpn\n      userId\n      role\n      grantedAt\n      grantedBy\n    }\n  }\n": typeof types.TenantMembersDocument,
    "\n  mutation GrantTenantAccess($tenantId: ID!, $userUpn: String!, $role: TenantRole!) {\n    grantTenantAccess(tenantId: $tenantId, userUpn: $userUpn, role: $role) {\n      id\n      userUpn\n      role\n    }\n  }\n": typeof types.GrantTenantAccessDocument,
    "\n  mutation RevokeTenantAccess($tenantId: ID!, $userUpn: String!) {\n    revokeTenantAccess(tenantId: $tenantId, userUpn: $userUpn)\n  }\n": typeof types.RevokeTenantAccessDocument,
    "\n  fragment TenantSummaryFields on Tenant {\n    id\n    displayName\n    entraTenantId\n    clientId\n    status\n    myRole\n    archivedAt\n    createdAt\n    credential {\n      kind\n      expiresAt\n      setAt\n    }\n    verification {\n      status\n      code\n      message\n      at\n      runId\n      organizationName\n    }\n    capabilities {\n      canReadGroups\n      canSearchGroups\n      types {\n        typeKey\n        canRead\n        canWrite\n      }\n    }\n  }\n": typeof types.TenantSummaryFieldsFragmentDoc,
    "\n  query Tenants($includeArchived: Boolean!) {\n    tenants(includeArchived: $includeArchived) {\n      ...TenantSummaryFields\n    }\n  }\n": typeof types.TenantsDocument,
    "\n  mutation RegisterTenant($input: RegisterTenantInput!) {\n    registerTenant(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n": typeof types.RegisterTenantDocument,
    "\n  mutation UpdateTenantCredentials($input: UpdateTenantCredentialsInput!) {\n    updateTenantCredentials(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n": typeof types.UpdateTenantCredentialsDocument,
};
const documents: Documents = {
    "\n  fragment RunFields on OperationRun {\n    id\n    type\n    status\n    outcome\n    tenantId\n    initiatorUserId\n    attempt\n    createdAt\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    heartbeatAt\n    version\n    summaryCounts {\n      total\n      processed\n      succeeded\n      failed\n      skipped\n      metrics\n    }\n  }\n": types.RunFieldsFragmentDoc,
    "\n  query Me {\n    me {\n      id\n      upn\n      name\n      isPlatformAdmin\n    }\n  }\n": types.MeDocument,
    "\n  query TenantOptions {\n    tenants {\n      id\n      displayName\n      myRole\n      status\n    }\n  }\n": types.TenantOptionsDocument,
    "\n  subscription RunUpdates($tenantId: ID, $id: ID) {\n    operationRunUpdated(tenantId: $tenantId, id: $id) {\n      ...RunFields\n    }\n  }\n": types.RunUpdatesDocument,
    "\n  query RunById($id: ID!) {\n    operationRun(id: $id) {\n      ...RunFields\n      result\n      failures {\n        at\n        code\n        item\n        message\n      }\n    }\n  }\n": types.RunByIdDocument,
    "\n  query AuditEvents($tenantId: ID!, $filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          at\n          action\n          actorId\n          actorUpn\n          targetType\n          targetId\n          requestId\n          metadataJson\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.AuditEventsDocument,
    "\n  query Backups($tenantId: ID!, $first: Int, $after: String) {\n    backups(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          tenantId\n          createdAt\n          completedAt\n          status\n          source\n          label\n          itemCount\n          newVersionCount\n          needsSecretReentryCount\n          runId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BackupsDocument,
    "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      completedAt\n      status\n      source\n      label\n      itemCount\n      newVersionCount\n      newPayloadCount\n      needsSecretReentryCount\n      runId\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n": types.BackupDocument,
    "\n  query BackupItems($backupId: ID!, $filter: BackupItemFilterInput, $first: Int, $after: String) {\n    backupItems(backupId: $backupId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          typeKey\n          changed\n          needsSecretReentry\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.BackupItemsDocument,
    "\n  query BackupItem($id: ID!, $backupId: ID) {\n    backupItem(id: $id, backupId: $backupId) {\n      id\n      backupId\n      tenantId\n      typeKey\n      odataType\n      sourceId\n      displayName\n      changed\n      versionId\n      versionNumber\n      payloadHash\n      assignmentsHash\n      needsSecretReentry\n      secretPaths\n      payload\n      assignments\n    }\n  }\n": types.BackupItemDocument,
    "\n  query PolicyVersions($tenantId: ID!, $typeKey: String!, $sourceId: String!, $first: Int, $after: String) {\n    policyVersions(tenantId: $tenantId, typeKey: $typeKey, sourceId: $sourceId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          versionNumber\n          createdAt\n          firstBackupId\n          latestItemId\n          payloadHash\n          assignmentsHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.PolicyVersionsDocument,
    "\n  mutation StartBackup($tenantId: ID!, $types: [String!], $itemIds: [ID!]) {\n    startBackup(tenantId: $tenantId, types: $types, itemIds: $itemIds) {\n      ...RunFields\n    }\n  }\n": types.StartBackupDocument,
    "\n  query BackupSchedule($tenantId: ID!) {\n    backupSchedule(tenantId: $tenantId) {\n      cron\n      updatedAt\n    }\n  }\n": types.BackupScheduleDocument,
    "\n  mutation SetBackupSchedule($tenantId: ID!, $cron: String) {\n    setBackupSchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n": types.SetBackupScheduleDocument,
    "\n  query DiffBackupItems($leftId: ID!, $rightId: ID!) {\n    diffBackupItems(leftId: $leftId, rightId: $rightId) {\n      payloadChanged\n      assignmentsChanged\n      left {\n        itemId\n        backupId\n        displayName\n      }\n      right {\n        itemId\n        backupId\n        displayName\n      }\n      rows {\n        path\n        label\n        kind\n        left\n        right\n      }\n    }\n  }\n": types.DiffBackupItemsDocument,
    "\n  query DiffBackups($leftBackupId: ID!, $rightBackupId: ID!) {\n    diffBackups(leftBackupId: $leftBackupId, rightBackupId: $rightBackupId) {\n      added\n      removed\n      changed\n      unchanged\n      truncated\n      objects {\n        kind\n        name\n        typeKey\n        leftItemId\n        rightItemId\n        payloadChanged\n        assignmentsChanged\n        rows {\n          path\n          label\n          kind\n          left\n          right\n        }\n      }\n    }\n  }\n": types.DiffBackupsDocument,
    "\n  mutation StartCompareBackupToLive($backupItemId: ID!) {\n    startCompareBackupToLive(backupItemId: $backupItemId) {\n      ...RunFields\n    }\n  }\n": types.StartCompareBackupToLiveDocument,
    "\n  query BackupRetention($tenantId: ID!) {\n    backupRetention(tenantId: $tenantId) {\n      keepAll\n      keepLast\n      keepDays\n    }\n  }\n": types.BackupRetentionDocument,
    "\n  mutation SetBackupRetention($tenantId: ID!, $keepLast: Int, $keepDays: Int) {\n    setBackupRetention(tenantId: $tenantId, keepLast: $keepLast, keepDays: $keepDays) {\n      keepAll\n      keepLast\n      keepDays\n      pruneRun {\n        ...RunFields\n      }\n    }\n  }\n": types.SetBackupRetentionDocument,
    "\n  query InventoryItem($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      tenantId\n      externalId\n      name\n      typeKey\n      odataType\n      platform\n      version\n      scopeTagIds\n      meta\n      firstSeenAt\n      lastSeenAt\n      lastSeenRunId\n      lastModifiedAt\n      missingSince\n    }\n  }\n": types.InventoryItemDocument,
    "\n  query InventorySummary($tenantId: ID!) {\n    inventorySummary(tenantId: $tenantId) {\n      totalPresent\n      totalMissing\n      lastSyncAt\n      lastRunId\n      types {\n        typeKey\n        label\n        present\n        missing\n        lastStatus\n        lastReason\n        lastCompleteSyncAt\n      }\n    }\n  }\n": types.InventorySummaryDocument,
    "\n  query InventoryItems($tenantId: ID!, $filter: InventoryItemFilterInput, $first: Int, $after: String) {\n    inventoryItems(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          typeKey\n          platform\n          lastModifiedAt\n          lastSeenAt\n          missingSince\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.InventoryItemsDocument,
    "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    link\n    outcome\n    readAt\n    createdAt\n    runId\n    tenantId\n  }\n": types.NotificationItemFragmentDoc,
    "\n  query MyNotifications {\n    myNotifications(first: 20) {\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n    unread: myNotifications(first: 100, unreadOnly: true) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n": types.MyNotificationsDocument,
    "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationItem\n    }\n  }\n": types.NotificationAddedDocument,
    "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n": types.MarkNotificationsReadDocument,
    "\n  query OperationRuns($filter: OperationRunFilterInput, $first: Int!, $after: String) {\n    operationRuns(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.OperationRunsDocument,
    "\n  mutation CancelRun($id: ID!) {\n    cancelOperationRun(id: $id) {\n      ...RunFields\n    }\n  }\n": types.CancelRunDocument,
    "\n  query GroupOptions($tenantId: ID!, $search: String) {\n    directoryGroups(tenantId: $tenantId, search: $search, first: 25) {\n      edges {\n        node {\n          id\n          externalId\n          displayName\n          deletedAt\n        }\n      }\n    }\n  }\n": types.GroupOptionsDocument,
    "\n  query BackupsForRestore($tenantId: ID!) {\n    backups(tenantId: $tenantId, first: 50) {\n      edges {\n        node {\n          id\n          createdAt\n          status\n          itemCount\n        }\n      }\n    }\n  }\n": types.BackupsForRestoreDocument,
    "\n  query BackupForRestore($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      itemCount\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n": types.BackupForRestoreDocument,
    "\n  mutation StartRestorePreview($input: StartRestorePreviewInput!) {\n    startRestorePreview(input: $input) {\n      ...RunFields\n    }\n  }\n": types.StartRestorePreviewDocument,
    "\n  query RestoreRunResult($id: ID!) {\n    operationRun(id: $id) {\n      id\n      status\n      outcome\n      result\n      failures {\n        message\n      }\n    }\n  }\n": types.RestoreRunResultDocument,
    "\n  query RestorePlan($id: ID!) {\n    restorePlan(id: $id) {\n      id\n      backupId\n      sourceTenantId\n      targetTenantId\n      status\n      mode\n      includeAssignments\n      planHash\n      createdAt\n      expiresAt\n      confirmedAt\n      previewRunId\n      executeRunId\n      counts {\n        create\n        update\n        skip\n        blocked\n      }\n      mappings {\n        kind\n        sourceId\n        sourceName\n        targetId\n        foundBy\n        note\n      }\n      items {\n        id\n        seq\n        backupItemId\n        displayName\n        typeKey\n        action\n        reasons\n        matchedBy\n        targetId\n        diff {\n          path\n          left\n          right\n        }\n      }\n    }\n  }\n": types.RestorePlanDocument,
    "\n  query TargetGroupNames($tenantId: ID!) {\n    directoryGroups(tenantId: $tenantId, first: 100) {\n      edges {\n        node {\n          externalId\n          displayName\n        }\n      }\n    }\n  }\n": types.TargetGroupNamesDocument,
    "\n  mutation SetRestoreMapping($planId: ID!, $sourceId: String!, $targetId: String!) {\n    setRestoreMapping(planId: $planId, sourceId: $sourceId, targetId: $targetId) {\n      id\n      planHash\n    }\n  }\n": types.SetRestoreMappingDocument,
    "\n  mutation ConfirmRestorePlan($planId: ID!, $planHash: String!, $typedTenantName: String!) {\n    confirmRestorePlan(planId: $planId, planHash: $planHash, typedTenantName: $typedTenantName) {\n      ...RunFields\n    }\n  }\n": types.ConfirmRestorePlanDocument,
    "\n  query RestoreResults($runId: ID!) {\n    operationRun(id: $runId) {\n      ...RunFields\n    }\n    restoreResults(runId: $runId) {\n      id\n      seq\n      displayName\n      typeKey\n      status\n      created\n      targetId\n      message\n      at\n    }\n  }\n": types.RestoreResultsDocument,
    "\n  query RestoreLedger($targetTenantId: ID!, $first: Int, $after: String) {\n    restoreLedger(targetTenantId: $targetTenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          typeKey\n          sourceTenantId\n          sourceId\n          targetId\n          planId\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.RestoreLedgerDocument,
    "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSummaryFields\n      grantedPermissions\n    }\n    inventorySchedule(tenantId: $id) {\n      cron\n      updatedAt\n    }\n  }\n": types.TenantDocument,
    "\n  mutation VerifyTenant($tenantId: ID!) {\n    verifyTenant(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n": types.VerifyTenantDocument,
    "\n  mutation StartInventorySync($tenantId: ID!) {\n    startInventorySync(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n": types.StartInventorySyncDocument,
    "\n  mutation RenameTenant($id: ID!, $displayName: String!) {\n    renameTenant(id: $id, displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n": types.RenameTenantDocument,
    "\n  mutation ArchiveTenant($id: ID!) {\n    archiveTenant(id: $id) {\n      id\n      status\n      archivedAt\n    }\n  }\n": types.ArchiveTenantDocument,
    "\n  mutation SetInventorySchedule($tenantId: ID!, $cron: String) {\n    setInventorySchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n": types.SetInventoryScheduleDocument,
    "\n  query TenantMembers($tenantId: ID!) {\n    tenantMembers(tenantId: $tenantId) {\n      id\n      userUpn\n      userId\n      role\n      grantedAt\n      grantedBy\n    }\n  }\n": types.TenantMembersDocument,
    "\n  mutation GrantTenantAccess($tenantId: ID!, $userUpn: String!, $role: TenantRole!) {\n    grantTenantAccess(tenantId: $tenantId, userUpn: $userUpn, role: $role) {\n      id\n      userUpn\n      role\n    }\n  }\n": types.GrantTenantAccessDocument,
    "\n  mutation RevokeTenantAccess($tenantId: ID!, $userUpn: String!) {\n    revokeTenantAccess(tenantId: $tenantId, userUpn: $userUpn)\n  }\n": types.RevokeTenantAccessDocument,
    "\n  fragment TenantSummaryFields on Tenant {\n    id\n    displayName\n    entraTenantId\n    clientId\n    status\n    myRole\n    archivedAt\n    createdAt\n    credential {\n      kind\n      expiresAt\n      setAt\n    }\n    verification {\n      status\n      code\n      message\n      at\n      runId\n      organizationName\n    }\n    capabilities {\n      canReadGroups\n      canSearchGroups\n      types {\n        typeKey\n        canRead\n        canWrite\n      }\n    }\n  }\n": types.TenantSummaryFieldsFragmentDoc,
    "\n  query Tenants($includeArchived: Boolean!) {\n    tenants(includeArchived: $includeArchived) {\n      ...TenantSummaryFields\n    }\n  }\n": types.TenantsDocument,
    "\n  mutation RegisterTenant($input: RegisterTenantInput!) {\n    registerTenant(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n": types.RegisterTenantDocument,
    "\n  mutation UpdateTenantCredentials($input: UpdateTenantCredentialsInput!) {\n    updateTenantCredentials(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n": types.UpdateTenantCredentialsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RunFields on OperationRun {\n    id\n    type\n    status\n    outcome\n    tenantId\n    initiatorUserId\n    attempt\n    createdAt\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    heartbeatAt\n    version\n    summaryCounts {\n      total\n      processed\n      succeeded\n      failed\n      skipped\n      metrics\n    }\n  }\n"): (typeof documents)["\n  fragment RunFields on OperationRun {\n    id\n    type\n    status\n    outcome\n    tenantId\n    initiatorUserId\n    attempt\n    createdAt\n    startedAt\n    finishedAt\n    cancelRequestedAt\n    heartbeatAt\n    version\n    summaryCounts {\n      total\n      processed\n      succeeded\n      failed\n      skipped\n      metrics\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Me {\n    me {\n      id\n      upn\n      name\n      isPlatformAdmin\n    }\n  }\n"): (typeof documents)["\n  query Me {\n    me {\n      id\n      upn\n      name\n      isPlatformAdmin\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantOptions {\n    tenants {\n      id\n      displayName\n      myRole\n      status\n    }\n  }\n"): (typeof documents)["\n  query TenantOptions {\n    tenants {\n      id\n      displayName\n      myRole\n      status\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription RunUpdates($tenantId: ID, $id: ID) {\n    operationRunUpdated(tenantId: $tenantId, id: $id) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  subscription RunUpdates($tenantId: ID, $id: ID) {\n    operationRunUpdated(tenantId: $tenantId, id: $id) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RunById($id: ID!) {\n    operationRun(id: $id) {\n      ...RunFields\n      result\n      failures {\n        at\n        code\n        item\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query RunById($id: ID!) {\n    operationRun(id: $id) {\n      ...RunFields\n      result\n      failures {\n        at\n        code\n        item\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AuditEvents($tenantId: ID!, $filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          at\n          action\n          actorId\n          actorUpn\n          targetType\n          targetId\n          requestId\n          metadataJson\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query AuditEvents($tenantId: ID!, $filter: AuditEventFilter, $first: Int, $after: String) {\n    auditEvents(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          at\n          action\n          actorId\n          actorUpn\n          targetType\n          targetId\n          requestId\n          metadataJson\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backups($tenantId: ID!, $first: Int, $after: String) {\n    backups(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          tenantId\n          createdAt\n          completedAt\n          status\n          source\n          label\n          itemCount\n          newVersionCount\n          needsSecretReentryCount\n          runId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query Backups($tenantId: ID!, $first: Int, $after: String) {\n    backups(tenantId: $tenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          tenantId\n          createdAt\n          completedAt\n          status\n          source\n          label\n          itemCount\n          newVersionCount\n          needsSecretReentryCount\n          runId\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      completedAt\n      status\n      source\n      label\n      itemCount\n      newVersionCount\n      newPayloadCount\n      needsSecretReentryCount\n      runId\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query Backup($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      completedAt\n      status\n      source\n      label\n      itemCount\n      newVersionCount\n      newPayloadCount\n      needsSecretReentryCount\n      runId\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupItems($backupId: ID!, $filter: BackupItemFilterInput, $first: Int, $after: String) {\n    backupItems(backupId: $backupId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          typeKey\n          changed\n          needsSecretReentry\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query BackupItems($backupId: ID!, $filter: BackupItemFilterInput, $first: Int, $after: String) {\n    backupItems(backupId: $backupId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          displayName\n          typeKey\n          changed\n          needsSecretReentry\n          versionNumber\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupItem($id: ID!, $backupId: ID) {\n    backupItem(id: $id, backupId: $backupId) {\n      id\n      backupId\n      tenantId\n      typeKey\n      odataType\n      sourceId\n      displayName\n      changed\n      versionId\n      versionNumber\n      payloadHash\n      assignmentsHash\n      needsSecretReentry\n      secretPaths\n      payload\n      assignments\n    }\n  }\n"): (typeof documents)["\n  query BackupItem($id: ID!, $backupId: ID) {\n    backupItem(id: $id, backupId: $backupId) {\n      id\n      backupId\n      tenantId\n      typeKey\n      odataType\n      sourceId\n      displayName\n      changed\n      versionId\n      versionNumber\n      payloadHash\n      assignmentsHash\n      needsSecretReentry\n      secretPaths\n      payload\n      assignments\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PolicyVersions($tenantId: ID!, $typeKey: String!, $sourceId: String!, $first: Int, $after: String) {\n    policyVersions(tenantId: $tenantId, typeKey: $typeKey, sourceId: $sourceId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          versionNumber\n          createdAt\n          firstBackupId\n          latestItemId\n          payloadHash\n          assignmentsHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query PolicyVersions($tenantId: ID!, $typeKey: String!, $sourceId: String!, $first: Int, $after: String) {\n    policyVersions(tenantId: $tenantId, typeKey: $typeKey, sourceId: $sourceId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          versionNumber\n          createdAt\n          firstBackupId\n          latestItemId\n          payloadHash\n          assignmentsHash\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartBackup($tenantId: ID!, $types: [String!], $itemIds: [ID!]) {\n    startBackup(tenantId: $tenantId, types: $types, itemIds: $itemIds) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartBackup($tenantId: ID!, $types: [String!], $itemIds: [ID!]) {\n    startBackup(tenantId: $tenantId, types: $types, itemIds: $itemIds) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupSchedule($tenantId: ID!) {\n    backupSchedule(tenantId: $tenantId) {\n      cron\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query BackupSchedule($tenantId: ID!) {\n    backupSchedule(tenantId: $tenantId) {\n      cron\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBackupSchedule($tenantId: ID!, $cron: String) {\n    setBackupSchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetBackupSchedule($tenantId: ID!, $cron: String) {\n    setBackupSchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiffBackupItems($leftId: ID!, $rightId: ID!) {\n    diffBackupItems(leftId: $leftId, rightId: $rightId) {\n      payloadChanged\n      assignmentsChanged\n      left {\n        itemId\n        backupId\n        displayName\n      }\n      right {\n        itemId\n        backupId\n        displayName\n      }\n      rows {\n        path\n        label\n        kind\n        left\n        right\n      }\n    }\n  }\n"): (typeof documents)["\n  query DiffBackupItems($leftId: ID!, $rightId: ID!) {\n    diffBackupItems(leftId: $leftId, rightId: $rightId) {\n      payloadChanged\n      assignmentsChanged\n      left {\n        itemId\n        backupId\n        displayName\n      }\n      right {\n        itemId\n        backupId\n        displayName\n      }\n      rows {\n        path\n        label\n        kind\n        left\n        right\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DiffBackups($leftBackupId: ID!, $rightBackupId: ID!) {\n    diffBackups(leftBackupId: $leftBackupId, rightBackupId: $rightBackupId) {\n      added\n      removed\n      changed\n      unchanged\n      truncated\n      objects {\n        kind\n        name\n        typeKey\n        leftItemId\n        rightItemId\n        payloadChanged\n        assignmentsChanged\n        rows {\n          path\n          label\n          kind\n          left\n          right\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DiffBackups($leftBackupId: ID!, $rightBackupId: ID!) {\n    diffBackups(leftBackupId: $leftBackupId, rightBackupId: $rightBackupId) {\n      added\n      removed\n      changed\n      unchanged\n      truncated\n      objects {\n        kind\n        name\n        typeKey\n        leftItemId\n        rightItemId\n        payloadChanged\n        assignmentsChanged\n        rows {\n          path\n          label\n          kind\n          left\n          right\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartCompareBackupToLive($backupItemId: ID!) {\n    startCompareBackupToLive(backupItemId: $backupItemId) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartCompareBackupToLive($backupItemId: ID!) {\n    startCompareBackupToLive(backupItemId: $backupItemId) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupRetention($tenantId: ID!) {\n    backupRetention(tenantId: $tenantId) {\n      keepAll\n      keepLast\n      keepDays\n    }\n  }\n"): (typeof documents)["\n  query BackupRetention($tenantId: ID!) {\n    backupRetention(tenantId: $tenantId) {\n      keepAll\n      keepLast\n      keepDays\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetBackupRetention($tenantId: ID!, $keepLast: Int, $keepDays: Int) {\n    setBackupRetention(tenantId: $tenantId, keepLast: $keepLast, keepDays: $keepDays) {\n      keepAll\n      keepLast\n      keepDays\n      pruneRun {\n        ...RunFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetBackupRetention($tenantId: ID!, $keepLast: Int, $keepDays: Int) {\n    setBackupRetention(tenantId: $tenantId, keepLast: $keepLast, keepDays: $keepDays) {\n      keepAll\n      keepLast\n      keepDays\n      pruneRun {\n        ...RunFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryItem($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      tenantId\n      externalId\n      name\n      typeKey\n      odataType\n      platform\n      version\n      scopeTagIds\n      meta\n      firstSeenAt\n      lastSeenAt\n      lastSeenRunId\n      lastModifiedAt\n      missingSince\n    }\n  }\n"): (typeof documents)["\n  query InventoryItem($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      tenantId\n      externalId\n      name\n      typeKey\n      odataType\n      platform\n      version\n      scopeTagIds\n      meta\n      firstSeenAt\n      lastSeenAt\n      lastSeenRunId\n      lastModifiedAt\n      missingSince\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventorySummary($tenantId: ID!) {\n    inventorySummary(tenantId: $tenantId) {\n      totalPresent\n      totalMissing\n      lastSyncAt\n      lastRunId\n      types {\n        typeKey\n        label\n        present\n        missing\n        lastStatus\n        lastReason\n        lastCompleteSyncAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query InventorySummary($tenantId: ID!) {\n    inventorySummary(tenantId: $tenantId) {\n      totalPresent\n      totalMissing\n      lastSyncAt\n      lastRunId\n      types {\n        typeKey\n        label\n        present\n        missing\n        lastStatus\n        lastReason\n        lastCompleteSyncAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query InventoryItems($tenantId: ID!, $filter: InventoryItemFilterInput, $first: Int, $after: String) {\n    inventoryItems(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          typeKey\n          platform\n          lastModifiedAt\n          lastSeenAt\n          missingSince\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query InventoryItems($tenantId: ID!, $filter: InventoryItemFilterInput, $first: Int, $after: String) {\n    inventoryItems(tenantId: $tenantId, filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          name\n          typeKey\n          platform\n          lastModifiedAt\n          lastSeenAt\n          missingSince\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    link\n    outcome\n    readAt\n    createdAt\n    runId\n    tenantId\n  }\n"): (typeof documents)["\n  fragment NotificationItem on Notification {\n    id\n    kind\n    title\n    link\n    outcome\n    readAt\n    createdAt\n    runId\n    tenantId\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyNotifications {\n    myNotifications(first: 20) {\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n    unread: myNotifications(first: 100, unreadOnly: true) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"): (typeof documents)["\n  query MyNotifications {\n    myNotifications(first: 20) {\n      edges {\n        node {\n          ...NotificationItem\n        }\n      }\n    }\n    unread: myNotifications(first: 100, unreadOnly: true) {\n      edges {\n        node {\n          id\n        }\n      }\n      pageInfo {\n        hasNextPage\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationItem\n    }\n  }\n"): (typeof documents)["\n  subscription NotificationAdded {\n    notificationAdded {\n      ...NotificationItem\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkNotificationsRead($ids: [ID!]!) {\n    markNotificationsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OperationRuns($filter: OperationRunFilterInput, $first: Int!, $after: String) {\n    operationRuns(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query OperationRuns($filter: OperationRunFilterInput, $first: Int!, $after: String) {\n    operationRuns(filter: $filter, first: $first, after: $after) {\n      edges {\n        node {\n          ...RunFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelRun($id: ID!) {\n    cancelOperationRun(id: $id) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation CancelRun($id: ID!) {\n    cancelOperationRun(id: $id) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query GroupOptions($tenantId: ID!, $search: String) {\n    directoryGroups(tenantId: $tenantId, search: $search, first: 25) {\n      edges {\n        node {\n          id\n          externalId\n          displayName\n          deletedAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query GroupOptions($tenantId: ID!, $search: String) {\n    directoryGroups(tenantId: $tenantId, search: $search, first: 25) {\n      edges {\n        node {\n          id\n          externalId\n          displayName\n          deletedAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupsForRestore($tenantId: ID!) {\n    backups(tenantId: $tenantId, first: 50) {\n      edges {\n        node {\n          id\n          createdAt\n          status\n          itemCount\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query BackupsForRestore($tenantId: ID!) {\n    backups(tenantId: $tenantId, first: 50) {\n      edges {\n        node {\n          id\n          createdAt\n          status\n          itemCount\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query BackupForRestore($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      itemCount\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n"): (typeof documents)["\n  query BackupForRestore($id: ID!) {\n    backup(id: $id) {\n      id\n      tenantId\n      createdAt\n      itemCount\n      countsByType {\n        typeKey\n        label\n        count\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartRestorePreview($input: StartRestorePreviewInput!) {\n    startRestorePreview(input: $input) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartRestorePreview($input: StartRestorePreviewInput!) {\n    startRestorePreview(input: $input) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestoreRunResult($id: ID!) {\n    operationRun(id: $id) {\n      id\n      status\n      outcome\n      result\n      failures {\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  query RestoreRunResult($id: ID!) {\n    operationRun(id: $id) {\n      id\n      status\n      outcome\n      result\n      failures {\n        message\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestorePlan($id: ID!) {\n    restorePlan(id: $id) {\n      id\n      backupId\n      sourceTenantId\n      targetTenantId\n      status\n      mode\n      includeAssignments\n      planHash\n      createdAt\n      expiresAt\n      confirmedAt\n      previewRunId\n      executeRunId\n      counts {\n        create\n        update\n        skip\n        blocked\n      }\n      mappings {\n        kind\n        sourceId\n        sourceName\n        targetId\n        foundBy\n        note\n      }\n      items {\n        id\n        seq\n        backupItemId\n        displayName\n        typeKey\n        action\n        reasons\n        matchedBy\n        targetId\n        diff {\n          path\n          left\n          right\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query RestorePlan($id: ID!) {\n    restorePlan(id: $id) {\n      id\n      backupId\n      sourceTenantId\n      targetTenantId\n      status\n      mode\n      includeAssignments\n      planHash\n      createdAt\n      expiresAt\n      confirmedAt\n      previewRunId\n      executeRunId\n      counts {\n        create\n        update\n        skip\n        blocked\n      }\n      mappings {\n        kind\n        sourceId\n        sourceName\n        targetId\n        foundBy\n        note\n      }\n      items {\n        id\n        seq\n        backupItemId\n        displayName\n        typeKey\n        action\n        reasons\n        matchedBy\n        targetId\n        diff {\n          path\n          left\n          right\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TargetGroupNames($tenantId: ID!) {\n    directoryGroups(tenantId: $tenantId, first: 100) {\n      edges {\n        node {\n          externalId\n          displayName\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query TargetGroupNames($tenantId: ID!) {\n    directoryGroups(tenantId: $tenantId, first: 100) {\n      edges {\n        node {\n          externalId\n          displayName\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRestoreMapping($planId: ID!, $sourceId: String!, $targetId: String!) {\n    setRestoreMapping(planId: $planId, sourceId: $sourceId, targetId: $targetId) {\n      id\n      planHash\n    }\n  }\n"): (typeof documents)["\n  mutation SetRestoreMapping($planId: ID!, $sourceId: String!, $targetId: String!) {\n    setRestoreMapping(planId: $planId, sourceId: $sourceId, targetId: $targetId) {\n      id\n      planHash\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ConfirmRestorePlan($planId: ID!, $planHash: String!, $typedTenantName: String!) {\n    confirmRestorePlan(planId: $planId, planHash: $planHash, typedTenantName: $typedTenantName) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation ConfirmRestorePlan($planId: ID!, $planHash: String!, $typedTenantName: String!) {\n    confirmRestorePlan(planId: $planId, planHash: $planHash, typedTenantName: $typedTenantName) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestoreResults($runId: ID!) {\n    operationRun(id: $runId) {\n      ...RunFields\n    }\n    restoreResults(runId: $runId) {\n      id\n      seq\n      displayName\n      typeKey\n      status\n      created\n      targetId\n      message\n      at\n    }\n  }\n"): (typeof documents)["\n  query RestoreResults($runId: ID!) {\n    operationRun(id: $runId) {\n      ...RunFields\n    }\n    restoreResults(runId: $runId) {\n      id\n      seq\n      displayName\n      typeKey\n      status\n      created\n      targetId\n      message\n      at\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query RestoreLedger($targetTenantId: ID!, $first: Int, $after: String) {\n    restoreLedger(targetTenantId: $targetTenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          typeKey\n          sourceTenantId\n          sourceId\n          targetId\n          planId\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query RestoreLedger($targetTenantId: ID!, $first: Int, $after: String) {\n    restoreLedger(targetTenantId: $targetTenantId, first: $first, after: $after) {\n      edges {\n        node {\n          id\n          typeKey\n          sourceTenantId\n          sourceId\n          targetId\n          planId\n          at\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSummaryFields\n      grantedPermissions\n    }\n    inventorySchedule(tenantId: $id) {\n      cron\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  query Tenant($id: ID!) {\n    tenant(id: $id) {\n      ...TenantSummaryFields\n      grantedPermissions\n    }\n    inventorySchedule(tenantId: $id) {\n      cron\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyTenant($tenantId: ID!) {\n    verifyTenant(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyTenant($tenantId: ID!) {\n    verifyTenant(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation StartInventorySync($tenantId: ID!) {\n    startInventorySync(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n"): (typeof documents)["\n  mutation StartInventorySync($tenantId: ID!) {\n    startInventorySync(tenantId: $tenantId) {\n      ...RunFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RenameTenant($id: ID!, $displayName: String!) {\n    renameTenant(id: $id, displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  mutation RenameTenant($id: ID!, $displayName: String!) {\n    renameTenant(id: $id, displayName: $displayName) {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ArchiveTenant($id: ID!) {\n    archiveTenant(id: $id) {\n      id\n      status\n      archivedAt\n    }\n  }\n"): (typeof documents)["\n  mutation ArchiveTenant($id: ID!) {\n    archiveTenant(id: $id) {\n      id\n      status\n      archivedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetInventorySchedule($tenantId: ID!, $cron: String) {\n    setInventorySchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n"): (typeof documents)["\n  mutation SetInventorySchedule($tenantId: ID!, $cron: String) {\n    setInventorySchedule(tenantId: $tenantId, cron: $cron) {\n      cron\n      updatedAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query TenantMembers($tenantId: ID!) {\n    tenantMembers(tenantId: $tenantId) {\n      id\n      userUpn\n      userId\n      role\n      grantedAt\n      grantedBy\n    }\n  }\n"): (typeof documents)["\n  query TenantMembers($tenantId: ID!) {\n    tenantMembers(tenantId: $tenantId) {\n      id\n      userUpn\n      userId\n      role\n      grantedAt\n      grantedBy\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation GrantTenantAccess($tenantId: ID!, $userUpn: String!, $role: TenantRole!) {\n    grantTenantAccess(tenantId: $tenantId, userUpn: $userUpn, role: $role) {\n      id\n      userUpn\n      role\n    }\n  }\n"): (typeof documents)["\n  mutation GrantTenantAccess($tenantId: ID!, $userUpn: String!, $role: TenantRole!) {\n    grantTenantAccess(tenantId: $tenantId, userUpn: $userUpn, role: $role) {\n      id\n      userUpn\n      role\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeTenantAccess($tenantId: ID!, $userUpn: String!) {\n    revokeTenantAccess(tenantId: $tenantId, userUpn: $userUpn)\n  }\n"): (typeof documents)["\n  mutation RevokeTenantAccess($tenantId: ID!, $userUpn: String!) {\n    revokeTenantAccess(tenantId: $tenantId, userUpn: $userUpn)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TenantSummaryFields on Tenant {\n    id\n    displayName\n    entraTenantId\n    clientId\n    status\n    myRole\n    archivedAt\n    createdAt\n    credential {\n      kind\n      expiresAt\n      setAt\n    }\n    verification {\n      status\n      code\n      message\n      at\n      runId\n      organizationName\n    }\n    capabilities {\n      canReadGroups\n      canSearchGroups\n      types {\n        typeKey\n        canRead\n        canWrite\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TenantSummaryFields on Tenant {\n    id\n    displayName\n    entraTenantId\n    clientId\n    status\n    myRole\n    archivedAt\n    createdAt\n    credential {\n      kind\n      expiresAt\n      setAt\n    }\n    verification {\n      status\n      code\n      message\n      at\n      runId\n      organizationName\n    }\n    capabilities {\n      canReadGroups\n      canSearchGroups\n      types {\n        typeKey\n        canRead\n        canWrite\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Tenants($includeArchived: Boolean!) {\n    tenants(includeArchived: $includeArchived) {\n      ...TenantSummaryFields\n    }\n  }\n"): (typeof documents)["\n  query Tenants($includeArchived: Boolean!) {\n    tenants(includeArchived: $includeArchived) {\n      ...TenantSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RegisterTenant($input: RegisterTenantInput!) {\n    registerTenant(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n"): (typeof documents)["\n  mutation RegisterTenant($input: RegisterTenantInput!) {\n    registerTenant(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTenantCredentials($input: UpdateTenantCredentialsInput!) {\n    updateTenantCredentials(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTenantCredentials($input: UpdateTenantCredentialsInput!) {\n    updateTenantCredentials(input: $input) {\n      ...TenantSummaryFields\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;