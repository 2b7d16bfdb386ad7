import {
  Alert,
  Anchor,
  Badge,
  Breadcrumbs,
  Group,
  Paper,
  SimpleGrid,
  Spoiler,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useCallback, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { TenantOptionsQuery } from '../../api/documents';
import { formatDateTime } from '../../app/format';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { ErrorAlert, PageState } from '../../components/PageState';
import { DiffView } from '../backups/diff/DiffView';
import { ConfirmRestoreModal } from './ConfirmRestoreModal';
import { GroupOverridePicker } from './GroupOverridePicker';
import { ConfirmRestorePlan, RestorePlanQuery, SetRestoreMapping, TargetGroupNamesQuery } from './restore-documents';
import { planDiffRows } from './restore-diff';
import { RestoreSteps } from './RestoreSteps';

const ACTION_COLORS: Record<string, string> = { CREATE: 'green', UPDATE: 'blue', SKIP: 'gray', BLOCKED: 'red' };
const FOUND_BY: Record<string, string> = {
  SAME_ID: 'same id',
  NAME: 'by name',
  PLANNED: 'created by this plan',
  BUILT_IN: 'built in',
  OVERRIDE: 'chosen by an admin',
  NONE: 'not found',
};

/** The plan a preview wrote: what happens to each object and why, the mappings (with overrides), then confirmation. */
export default function RestorePlanPage() {
  const { planId = '' } = useParams();
  const navigate = useNavigate();
  const [{ data, fetching, error }, reexecute] = useQuery({ query: RestorePlanQuery, variables: { id: planId } });
  const reread = useCallback(() => reexecute({ requestPolicy: 'network-only' }), [reexecute]);
  const [{ data: tenants }] = useQuery({ query: TenantOptionsQuery });
  const [mapping, setMapping] = useMutation(SetRestoreMapping);
  const [confirmation, confirm] = useMutation(ConfirmRestorePlan);
  const [confirming, setConfirming] = useState(false);
  const plan = data?.restorePlan;
  const target = tenants?.tenants.find((t) => t.id === plan?.targetTenantId);
  const targetName = target?.displayName ?? '';
  const [{ data: groups }] = useQuery({
    query: TargetGroupNamesQuery,
    variables: { tenantId: plan?.targetTenantId ?? '' },
    pause: !plan,
  });
  const groupName = (id: string | null) =>
    id ? (groups?.directoryGroups.edges.find((e) => e.node.externalId === id)?.node.displayName ?? null) : null;
  const counts = (action: 'CREATE' | 'UPDATE' | 'SKIP' | 'BLOCKED') =>
    plan?.counts[action.toLowerCase() as 'create' | 'update' | 'skip' | 'blocked'] ?? 0;
  const mayMap = plan && target ? denyReason(target, 'ADMIN', 'change the mappings') : 'Loading…';
  const notReady = plan && plan.status !== 'READY' ? `The plan is ${plan.status.toLowerCase()}` : null;
  const confirmReason = notReady ?? (target ? denyReason(target, 'ADMIN', 'confirm a restore into it') : 'Loading…');

  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/restore">
          Restore
        </Anchor>
        <Text>Plan</Text>
      </Breadcrumbs>
      <Title order={1} mb="md">
        Restore
      </Title>
      <RestoreSteps step="plan" />
      <PageState label="the restore plan" fetching={fetching} error={error} hasData={!!plan}>
        {plan && (
          <Stack>
            <Group justify="space-between" align="flex-start">
              <div>
                <Title order={2} size="h3">
                  Plan for {targetName}
                </Title>
                <Text size="sm" c="dimmed">
                  {plan.status.toLowerCase()} · expires {formatDateTime(plan.expiresAt)}
                </Text>
              </div>
              <GuardedButton reason={confirmReason} color="red" onClick={() => setConfirming(true)}>
                Confirm restore
              </GuardedButton>
            </Group>
            {plan.executeRunId && (
              <Alert color="blue">
                This plan was confirmed.{' '}
                <Anchor component={Link} to={`/restore/runs/${plan.executeRunId}`}>
                  See the results
                </Anchor>
              </Alert>
            )}
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(['CREATE', 'UPDATE', 'SKIP', 'BLOCKED'] as const).map((action) => (
                <Paper withBorder p="md" key={action}>
                  <Text size="sm">{action.toLowerCase()}</Text>
                  <Text fz={28} fw={700}>
                    {counts(action)}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                Mappings
              </Title>
              <ErrorAlert error={mapping.error ?? null} title="The mapping was not changed" />
              <Table.ScrollContainer minWidth={700}>
                <Table striped aria-label="Mappings">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Kind</Table.Th>
                      <Table.Th scope="col">In the backup</Table.Th>
                      <Table.Th scope="col">In the target</Table.Th>
                      <Table.Th scope="col">Found</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.mappings.map((m) => (
                      <Table.Tr key={`${m.kind}:${m.sourceId}`}>
                        <Table.Td>{m.kind.toLowerCase()}</Table.Td>
                        <Table.Td>{m.sourceName ?? m.sourceId}</Table.Td>
                        <Table.Td>
                          {m.kind === 'GROUP' && !mayMap && plan.status === 'READY' ? (
                            <GroupOverridePicker
                              targetTenantId={plan.targetTenantId}
                              label={`Target group for ${m.sourceName ?? m.sourceId}`}
                              value={m.targetId}
                              currentName={groupName(m.targetId)}
                              onChange={async (targetId) => {
                                const result = await setMapping({ planId: plan.id, sourceId: m.sourceId, targetId });
                                if (!result.error) reread();
                              }}
                            />
                          ) : (
                            ((m.kind === 'GROUP' ? groupName(m.targetId) : null) ?? m.targetId ?? '—')
                          )}
                        </Table.Td>
                        <Table.Td>
                          <Badge variant="light" color={m.foundBy === 'NONE' ? 'red' : 'gray'}>
                            {FOUND_BY[m.foundBy] ?? m.foundBy}
                          </Badge>
                          {m.note && (
                            <Text size="xs" c="dimmed">
                              {m.note}
                            </Text>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <Paper withBorder p="md">
              <Title order={3} size="h4" mb="sm">
                Objects
              </Title>
              <Table.ScrollContainer minWidth={700}>
                <Table striped aria-label="Planned objects">
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">Object</Table.Th>
                      <Table.Th scope="col" w={110}>
                        Action
                      </Table.Th>
                      <Table.Th scope="col">Why / what changes</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {plan.items.map((item) => (
                      <Table.Tr key={item.id}>
                        <Table.Td>
                          <Text size="sm">{item.displayName}</Text>
                          <Text size="xs" c="dimmed">
                            {item.typeKey}
                          </Text>
                        </Table.Td>
                        <Table.Td miw={100}>
                          <Badge
                            color={ACTION_COLORS[item.action] ?? 'gray'}
                            variant="filled"
                            style={{ flexShrink: 0 }}
                          >
                            {item.action.toLowerCase()}
                          </Badge>
                        </Table.Td>
                        <Table.Td>
                          {item.reasons.length > 0 && (
                            <ul style={{ margin: 0, paddingLeft: 16 }}>
                              {item.reasons.map((r) => (
                                <li key={r}>
                                  <Text size="sm">{r}</Text>
                                </li>
                              ))}
                            </ul>
                          )}
                          {item.diff && item.diff.length > 0 && (
                            <Spoiler maxHeight={0} showLabel="Show the changes" hideLabel="Hide the changes">
                              <DiffView
                                rows={planDiffRows(item.diff)}
                                leftTitle="Target now"
                                rightTitle="After restore"
                                caption={`Changes to ${item.displayName}`}
                              />
                            </Spoiler>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Paper>
            <ConfirmRestoreModal
              opened={confirming}
              onClose={() => setConfirming(false)}
              tenantName={targetName}
              summary={`${counts('CREATE')} object(s) created and ${counts('UPDATE')} updated in ${targetName}; ${counts('BLOCKED')} blocked and ${counts('SKIP')} skipped.`}
              confirming={confirmation.fetching}
              error={confirmation.error ?? null}
              onConfirm={async (typedTenantName) => {
                if (!plan.planHash) return;
                const result = await confirm({ planId: plan.id, planHash: plan.planHash, typedTenantName });
                if (result.data) navigate(`/restore/runs/${result.data.confirmRestorePlan.id}`);
              }}
            />
          </Stack>
        )}
      </PageState>
    </>
  );
}
