import { Alert, Group, MultiSelect, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { TenantOptionsQuery } from '../../api/documents';
import { formatDateTime } from '../../app/format';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { LiveRunStatus } from '../../components/LiveRunStatus';
import { ErrorAlert } from '../../components/PageState';
import { TenantPicker } from '../../components/TenantPicker';
import type { RunFieldsFragment } from '../../gql/graphql';
import {
  BackupForRestoreQuery,
  BackupsForRestoreQuery,
  RunResultQuery,
  StartRestorePreview,
} from './restore-documents';
import { RestoreSteps } from './RestoreSteps';

/**
 * The restore wizard's first steps: pick a backup (all or some of its objects) and a target tenant, start the preview
 * run and follow it live; when it has written the plan, go to the plan.
 */
export default function RestorePage() {
  const [params, setParams] = useSearchParams();
  const navigate = useNavigate();
  const backupId = params.get('backup');
  const [sourceTenantId, setSourceTenantId] = useState<string | null>(params.get('source'));
  const [targetTenantId, setTargetTenantId] = useState<string | null>(params.get('target'));
  const [typeKeys, setTypeKeys] = useState<string[]>([]);
  const [mode, setMode] = useState<'CREATE_OR_UPDATE' | 'CREATE_ONLY'>('CREATE_OR_UPDATE');
  const [run, setRun] = useState<RunFieldsFragment | null>(null);
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  const [{ data: chosen }] = useQuery({
    query: BackupForRestoreQuery,
    variables: { id: backupId ?? '' },
    pause: !backupId,
  });
  const backup = chosen?.backup;
  const source = sourceTenantId ?? backup?.tenantId ?? null;
  const [{ data: backups }] = useQuery({
    query: BackupsForRestoreQuery,
    variables: { tenantId: source ?? '' },
    pause: !source,
  });
  const [{ fetching, error }, start] = useMutation(StartRestorePreview);
  const target = tenants?.tenants.find((t) => t.id === targetTenantId);

  const [{ data: ended }, reread] = useQuery({
    query: RunResultQuery,
    variables: { id: run?.id ?? '' },
    pause: !run,
    requestPolicy: 'network-only',
  });
  const planId = ended?.operationRun.result?.planId;
  useEffect(() => {
    if (typeof planId === 'string') navigate(`/restore/plans/${planId}`);
  }, [planId, navigate]);

  const reason = !target
    ? 'Choose a target tenant first'
    : (denyReason(target, 'OPERATOR', 'preview a restore into it') ?? (backup ? null : 'Choose a backup first'));

  return (
    <>
      <Title order={1} mb="md">
        Restore
      </Title>
      <RestoreSteps step={run ? 'preview' : 'choose'} />
      <Stack maw={720}>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            What to restore
          </Title>
          <Stack>
            <TenantPicker
              label="Source tenant"
              value={source}
              onChange={(id) => {
                setSourceTenantId(id);
                setTypeKeys([]);
                setParams({}, { replace: true });
              }}
            />
            <Select
              label="Backup"
              placeholder={source ? 'Choose a backup' : 'Choose the source tenant first'}
              data={(backups?.backups.edges ?? []).map((e) => ({
                value: e.node.id,
                label: `${formatDateTime(e.node.createdAt)} (${e.node.itemCount} objects)`,
              }))}
              value={backupId}
              onChange={(id) => {
                if (!id) return;
                setTypeKeys([]);
                setParams({ backup: id }, { replace: true });
              }}
              maw={360}
            />
            {backup && (
              <MultiSelect
                label="Types to restore"
                description="Leave empty to restore every object of the backup"
                placeholder="All objects"
                data={backup.countsByType.map((t) => ({ value: t.typeKey, label: `${t.label} (${t.count})` }))}
                value={typeKeys}
                onChange={setTypeKeys}
                clearable
                searchable
              />
            )}
          </Stack>
        </Paper>
        <Paper withBorder p="md">
          <Title order={2} size="h4" mb="sm">
            Where to
          </Title>
          <Stack>
            <TenantPicker label="Target tenant" value={targetTenantId} onChange={setTargetTenantId} />
            <div>
              <Text size="sm" fw={500} id="restore-mode" mb={4}>
                Mode
              </Text>
              <SegmentedControl
                aria-labelledby="restore-mode"
                value={mode}
                onChange={(v) => setMode(v as typeof mode)}
                data={[
                  { value: 'CREATE_OR_UPDATE', label: 'Create or update' },
                  { value: 'CREATE_ONLY', label: 'Create only' },
                ]}
              />
            </div>
          </Stack>
        </Paper>
        <Alert color="blue" variant="light">
          A preview reads the target and writes nothing to it: you review the plan and confirm it before anything is
          restored.
        </Alert>
        <ErrorAlert error={error ?? null} title="The preview did not start" />
        <Group>
          <GuardedButton
            reason={reason}
            loading={fetching}
            onClick={async () => {
              if (!backup || !target) return;
              const result = await start({
                input: {
                  backupId: backup.id,
                  targetTenantId: target.id,
                  mode,
                  includeAssignments: true,
                  ...(typeKeys.length ? { types: typeKeys } : {}),
                },
              });
              if (result.data) setRun(result.data.startRestorePreview as RunFieldsFragment);
            }}
          >
            Preview restore
          </GuardedButton>
          {run && (
            <LiveRunStatus key={run.id} run={run} onCompleted={() => reread({ requestPolicy: 'network-only' })} />
          )}
        </Group>
        {ended?.operationRun.status === 'COMPLETED' && typeof planId !== 'string' && (
          <Alert color="red" title="The preview wrote no plan">
            {ended.operationRun.failures.map((f) => f.message).join('\n') || 'Open the run to see why.'}
          </Alert>
        )}
      </Stack>
    </>
  );
}
