import { Anchor, FileInput, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { useConsole } from '../../app/context';
import { denyReason } from '../../app/roles';
import { GuardedButton } from '../../components/GuardedButton';
import { ErrorAlert } from '../../components/PageState';
import type { TenantRole } from '../../gql/graphql';

interface ImportAnswer {
  backup: { id: string; itemCount: number };
  objectCount: number;
  unknownCount: number;
  unknownFiles: string[];
  skippedCount: number;
}

/**
 * Uploads a .zip in IntuneManagement's layout (or a TenantAtlas export) as a new backup (admins). The upload route
 * takes the zip as the body with the bearer token, which a plain form post cannot send.
 */
export function ImportBackupPanel({
  tenant,
  onImported,
}: {
  tenant: { id: string; myRole: TenantRole; status: string };
  onImported: () => void;
}) {
  const { session } = useConsole();
  const [file, setFile] = useState<File | null>(null);
  const [label, setLabel] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [answer, setAnswer] = useState<ImportAnswer | null>(null);
  const reason = denyReason(tenant, 'ADMIN', 'import a backup');
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setAnswer(null);
    try {
      const token = await session.accessToken();
      const query = label.trim() ? `?label=${encodeURIComponent(label.trim())}` : '';
      const response = await fetch(`/api/tenants/${encodeURIComponent(tenant.id)}/backups/import${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/zip', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: file,
      });
      const body = (await response.json().catch(() => null)) as
        (ImportAnswer & { error?: { message?: string } }) | null;
      if (!response.ok || !body) throw new Error(body?.error?.message ?? `The import failed (${response.status})`);
      setAnswer(body);
      onImported();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="xs">
        Import a backup
      </Title>
      <Stack gap="xs">
        <Group align="flex-end">
          <FileInput
            label="Zip file (IntuneManagement layout or a TenantAtlas export)"
            accept=".zip,application/zip"
            value={file}
            onChange={setFile}
            disabled={!!reason}
            clearable
            clearButtonProps={{ 'aria-label': 'Clear the chosen file' }}
            w={360}
          />
          <TextInput
            label="Label (optional)"
            value={label}
            onChange={(e) => setLabel(e.currentTarget.value)}
            maxLength={200}
            disabled={!!reason}
          />
          <GuardedButton
            reason={reason ?? (file ? null : 'Choose a .zip file first')}
            loading={busy}
            onClick={() => void upload()}
          >
            Import
          </GuardedButton>
        </Group>
        <ErrorAlert error={error} title="The import failed" />
        {answer && (
          <Text size="sm" role="status">
            Imported {answer.objectCount} objects
            {answer.unknownCount ? `; ${answer.unknownCount} file(s) of an unknown type were left out` : ''}
            {answer.skippedCount ? `; ${answer.skippedCount} non-JSON file(s) skipped` : ''}.{' '}
            <Anchor component={Link} to={`/backups/${answer.backup.id}`}>
              Open the imported backup
            </Anchor>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
