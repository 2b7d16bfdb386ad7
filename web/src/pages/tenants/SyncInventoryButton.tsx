import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert } from '../../components/PageState';
import type { RunFieldsFragment, TenantRole } from '../../gql/graphql';
import { StartInventorySync } from './tenant-detail-documents';

/** "Sync inventory" for one tenant (operators), then the run's live status and a link to it. */
export function SyncInventoryButton({
  tenant,
  onCompleted,
}: {
  tenant: { id: string; myRole: TenantRole; status: string };
  onCompleted?: () => void;
}) {
  const [{ fetching, error }, start] = useMutation(StartInventorySync);
  const [run, setRun] = useState<RunFieldsFragment | null>(null);
  return (
    <Stack gap={4}>
      <GuardedButton
        reason={denyReason(tenant, 'OPERATOR', 'sync the inventory')}
        loading={fetching}
        onClick={async () => {
          const result = await start({ tenantId: tenant.id });
          if (result.data) setRun(result.data.startInventorySync as RunFieldsFragment);
        }}
      >
        Sync inventory
      </GuardedButton>
      <ErrorAlert error={error ?? null} title="The sync did not start" />
      {run && <LiveRunStatus key={run.id} run={run} onCompleted={onCompleted} />}
    </Stack>
  );
}
