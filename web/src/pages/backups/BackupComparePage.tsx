import { Anchor, Badge, Breadcrumbs, Paper, SimpleGrid, Stack, Switch, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { PageState } from '../../components/PageState';
import { DiffBackupsQuery } from './backup-documents';
import { DiffView } from './diff/DiffView';
import { diffKindLabel } from './diff/diff-rows';

/** Backup against backup: objects added, removed, changed and unchanged, with the setting-level diff of each change. */
export default function BackupComparePage() {
  const { leftId = '', rightId = '' } = useParams();
  const [{ data, fetching, error }] = useQuery({
    query: DiffBackupsQuery,
    variables: { leftBackupId: leftId, rightBackupId: rightId },
  });
  const [changedOnly, setChangedOnly] = useState(true);
  const diff = data?.diffBackups;
  const objects = diff?.objects.filter((o) => !changedOnly || o.kind === 'CHANGED') ?? [];
  return (
    <>
      <Breadcrumbs mb="sm">
        <Anchor component={Link} to="/backups">
          Backups
        </Anchor>
        <Anchor component={Link} to={`/backups/${rightId}`}>
          Backup
        </Anchor>
        <Text>Compare</Text>
      </Breadcrumbs>
      <Title order={1} mb="md">
        Compare backups
      </Title>
      <PageState label="the comparison" fetching={fetching} error={error} hasData={!!diff}>
        {diff && (
          <Stack>
            <SimpleGrid cols={{ base: 2, sm: 4 }}>
              {(
                [
                  ['Added', diff.added],
                  ['Removed', diff.removed],
                  ['Changed', diff.changed],
                  ['Unchanged', diff.unchanged],
                ] as const
              ).map(([label, count]) => (
                <Paper withBorder p="md" key={label}>
                  <Text size="sm">{label}</Text>
                  <Text fz={28} fw={700}>
                    {count}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
            <Switch
              label="Changed objects only (hide added and removed)"
              checked={changedOnly}
              onChange={(e) => setChangedOnly(e.currentTarget.checked)}
            />
            {diff.truncated && (
              <Text size="sm" c="dimmed">
                More than 500 objects differ: the first 500 are listed; the counts cover all.
              </Text>
            )}
            {objects.length === 0 && <Text c="dimmed">No differences between these backups.</Text>}
            {objects.map((o) => (
              <Paper withBorder p="md" key={`${o.typeKey}:${o.leftItemId ?? ''}:${o.rightItemId ?? ''}`}>
                <Title order={2} size="h4" mb="xs">
                  {o.rightItemId || o.leftItemId ? (
                    <Anchor
                      component={Link}
                      to={`/backups/items/${o.rightItemId ?? o.leftItemId}?backup=${o.rightItemId ? rightId : leftId}`}
                      inherit
                    >
                      {o.name}
                    </Anchor>
                  ) : (
                    o.name
                  )}{' '}
                  <Badge variant="filled">{diffKindLabel(o.kind)}</Badge>
                </Title>
                <Text size="sm" c="dimmed" mb="sm">
                  {o.typeKey}
                </Text>
                {o.rows.length > 0 && (
                  <DiffView
                    rows={o.rows}
                    leftTitle="Older backup"
                    rightTitle="Newer backup"
                    caption={`Setting differences of ${o.name}`}
                  />
                )}
              </Paper>
            ))}
          </Stack>
        )}
      </PageState>
    </>
  );
}
