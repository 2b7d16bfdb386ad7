import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { RunByIdQuery, TenantOptionsQuery } from '../../api/documents';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert } from '../../components/PageState';
import type { RunFieldsFragment } from '../../gql/graphql';
import { StartCompareBackupToLive } from './backup-documents';
import { DiffView } from './diff/DiffView';
import type { DiffRowView } from './diff/diff-rows';

interface CompareLiveResult {
  found: boolean;
  payloadChanged: boolean;
  assignmentsChanged: boolean;
  rows: DiffRowView[];
  truncated: boolean;
}

/** The backed-up object against the object in the tenant now: a run (it reads Graph), followed live, then its rows. */
export function CompareToLiveButton({
  tenantId,
  backupItemId,
  context,
}: {
  tenantId: string;
  backupItemId: string;
  context: Record<string, unknown>;
}) {
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  const tenant = tenants?.tenants.find((t) => t.id === tenantId);
  const [{ fetching, error }, start] = useMutation(StartCompareBackupToLive);
  const [run, setRun] = useState<RunFieldsFragment | null>(null);
  const [{ data: ended }, reread] = useQuery({
    query: RunByIdQuery,
    variables: { id: run?.id ?? '' },
    pause: !run,
    requestPolicy: 'network-only',
  });
  const result =
    ended?.operationRun.status === 'COMPLETED' ? (ended.operationRun.result as CompareLiveResult | null) : null;
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        Compare with the tenant now
      </Title>
      <Stack gap="xs" align="flex-start">
        <GuardedButton
          variant="default"
          reason={tenant ? denyReason(tenant, 'OPERATOR', 'read the live object') : 'Loading…'}
          loading={fetching}
          onClick={async () => {
            const started = await start({ backupItemId });
            if (started.data) setRun(started.data.startCompareBackupToLive as RunFieldsFragment);
          }}
        >
          Compare with live
        </GuardedButton>
        <ErrorAlert error={error ?? null} title="The comparison did not start" />
        {run && <LiveRunStatus key={run.id} run={run} onCompleted={() => reread({ requestPolicy: 'network-only' })} />}
      </Stack>
      {result && !result.found && (
        <Text mt="sm">The object no longer exists in the tenant: a restore would create it again.</Text>
      )}
      {result?.found && (
        <Stack mt="sm" gap="xs">
          {result.truncated && <Text size="sm">More than 500 settings differ: the first 500 are shown.</Text>}
          <DiffView
            rows={result.rows}
            leftTitle="This backup"
            rightTitle="In the tenant now"
            caption="Differences from the tenant now"
            context={context}
          />
        </Stack>
      )}
    </Paper>
  );
}
