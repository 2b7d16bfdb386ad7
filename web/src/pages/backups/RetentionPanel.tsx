import { Group, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert } from '../../components/PageState';
import type { RunFieldsFragment, TenantRole } from '../../gql/graphql';
import { BackupRetentionQuery, SetBackupRetention } from './backup-documents';

/** Which backups the tenant keeps (admins): the last N and/or those younger than D days; saving prunes, live. */
export function RetentionPanel({
  tenant,
  onPruned,
}: {
  tenant: { id: string; myRole: TenantRole; status: string };
  onPruned: () => void;
}) {
  const [{ data, error: readError }] = useQuery({ query: BackupRetentionQuery, variables: { tenantId: tenant.id } });
  const retention = data?.backupRetention;
  // The prune run outlives the form (which starts again from the saved rule once it is read back).
  const [run, setRun] = useState<RunFieldsFragment | null>(null);
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Retention
      </Title>
      <ErrorAlert error={readError ?? null} title="The retention could not be read" />
      {retention && (
        <RetentionForm key={JSON.stringify(retention)} tenant={tenant} retention={retention} onStarted={setRun} />
      )}
      {run && <LiveRunStatus key={run.id} run={run} onCompleted={onPruned} />}
    </Paper>
  );
}

function RetentionForm({
  tenant,
  retention,
  onStarted,
}: {
  tenant: { id: string; myRole: TenantRole; status: string };
  retention: { keepAll: boolean; keepLast?: number | null; keepDays?: number | null };
  onStarted: (run: RunFieldsFragment) => void;
}) {
  const [keepLast, setKeepLast] = useState<number | string>(retention.keepLast ?? '');
  const [keepDays, setKeepDays] = useState<number | string>(retention.keepDays ?? '');
  const [{ fetching, error }, save] = useMutation(SetBackupRetention);
  const reason = denyReason(tenant, 'ADMIN', 'change the retention');
  return (
    <Stack gap="xs">
      <Text size="sm">
        {retention.keepAll
          ? 'Every backup is kept.'
          : [
              retention.keepLast ? `the last ${retention.keepLast}` : null,
              retention.keepDays ? `those younger than ${retention.keepDays} days` : null,
            ]
              .filter(Boolean)
              .join(' and ')
              .replace(/^/, 'Keeps ') + ' (the newest always stays).'}
      </Text>
      <Group align="flex-end">
        <NumberInput
          label="Keep the last"
          suffix=" backups"
          min={1}
          value={keepLast}
          onChange={setKeepLast}
          readOnly={!!reason}
          w={180}
        />
        <NumberInput
          label="Keep backups younger than"
          suffix=" days"
          min={1}
          value={keepDays}
          onChange={setKeepDays}
          readOnly={!!reason}
          w={220}
        />
        <GuardedButton
          reason={reason}
          loading={fetching}
          onClick={async () => {
            const result = await save({
              tenantId: tenant.id,
              keepLast: typeof keepLast === 'number' ? keepLast : null,
              keepDays: typeof keepDays === 'number' ? keepDays : null,
            });
            const pruneRun = result.data?.setBackupRetention.pruneRun;
            if (pruneRun) onStarted(pruneRun as RunFieldsFragment);
          }}
        >
          Save retention
        </GuardedButton>
      </Group>
      <Text size="xs" c="dimmed">
        Leave both empty to keep every backup. Saving prunes at once: backups outside the rule are deleted (audited).
      </Text>
      <ErrorAlert error={error ?? null} title="The retention was not saved" />
    </Stack>
  );
}
