import { Badge, Group, Switch, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { diffKindLabel, formatDiffValue, visibleDiffRows, withUnchangedContext, type DiffRowView } from './diff-rows';

const KIND_COLORS: Record<string, string> = { ADDED: 'green', REMOVED: 'red', CHANGED: 'yellow', UNCHANGED: 'gray' };

/**
 * A setting-level diff: one row per setting with its label, the left value and the right value. Group ids arrive
 * already named by the API (the directory cache), so nothing here looks names up.
 */
export function DiffView({
  rows,
  leftTitle,
  rightTitle,
  caption,
  context = null,
}: {
  rows: readonly DiffRowView[];
  /** The right side's payload: its other properties are shown as unchanged when "changed only" is off. */
  context?: Record<string, unknown> | null;
  leftTitle: string;
  rightTitle: string;
  caption: string;
}) {
  const [changedOnly, setChangedOnly] = useState(true);
  const all = withUnchangedContext(rows, context);
  const shown = visibleDiffRows(all, changedOnly);
  const hasUnchanged = all.some((r) => r.kind.toUpperCase() === 'UNCHANGED');
  return (
    <>
      <Group justify="space-between" mb="sm">
        <Text size="sm" role="status">
          {rows.length === 0 ? 'No differences.' : `${rows.length} setting(s) differ.`}
        </Text>
        <Switch
          label="Changed settings only"
          checked={changedOnly}
          onChange={(e) => setChangedOnly(e.currentTarget.checked)}
          disabled={!hasUnchanged}
        />
      </Group>
      {shown.length > 0 && (
        <Table.ScrollContainer minWidth={700}>
          <Table striped aria-label={caption} layout="fixed">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" w="30%">
                  Setting
                </Table.Th>
                <Table.Th scope="col" w="10%">
                  Change
                </Table.Th>
                <Table.Th scope="col">{leftTitle}</Table.Th>
                <Table.Th scope="col">{rightTitle}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((row) => (
                <Table.Tr key={`${row.kind}:${row.path}`}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {row.label}
                    </Text>
                    {row.label !== row.path && (
                      <Text size="xs" c="dimmed" style={{ wordBreak: 'break-all' }}>
                        {row.path}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={KIND_COLORS[row.kind.toUpperCase()] ?? 'gray'} variant="filled">
                      {diffKindLabel(row.kind)}
                    </Badge>
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{formatDiffValue(row.left)}</Table.Td>
                  <Table.Td style={{ wordBreak: 'break-word' }}>{formatDiffValue(row.right)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}
