import { Stack } from '@mantine/core';
import { useState } from 'react';
import { useMutation } from 'urql';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert } from '../../components/PageState';
import type { RunFieldsFragment, TenantRole } from '../../gql/graphql';
import { StartBackup } from './backup-documents';

/** "Start backup" of one tenant (operators), then the run's live status; `onCompleted` re-reads the list. */
export function StartBackupButton({
  tenant,
  onCompleted,
}: {
  tenant: { id: string; myRole: TenantRole; status: string };
  onCompleted?: () => void;
}) {
  const [{ fetching, error }, start] = useMutation(StartBackup);
  const [run, setRun] = useState<RunFieldsFragment | null>(null);
  return (
    <Stack gap={4} align="flex-end">
      <GuardedButton
        reason={denyReason(tenant, 'OPERATOR', 'start a backup')}
        loading={fetching}
        onClick={async () => {
          const result = await start({ tenantId: tenant.id });
          if (result.data) setRun(result.data.startBackup as RunFieldsFragment);
        }}
      >
        Start backup
      </GuardedButton>
      <ErrorAlert error={error ?? null} title="The backup did not start" />
      {run && <LiveRunStatus key={run.id} run={run} onCompleted={onCompleted} />}
    </Stack>
  );
}
