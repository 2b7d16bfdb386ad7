import { Button, Stack } from '@mantine/core';
import { useState } from 'react';
import { useConsole } from '../../app/context';
import { ErrorAlert } from '../../components/PageState';

/**
 * Downloads the backup as a zip (IntuneManagement layout). The export URL needs the bearer token, which a plain link
 * cannot send: fetch it, then hand the browser the file.
 */
export function ExportBackupButton({ backupId, fileName }: { backupId: string; fileName: string }) {
  const { session } = useConsole();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      const token = await session.accessToken();
      const response = await fetch(`/api/backups/${encodeURIComponent(backupId)}/export`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
        throw new Error(body?.error?.message ?? `The export failed (${response.status})`);
      }
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement('a'), { href: url, download: fileName });
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack gap={4}>
      <Button variant="default" onClick={() => void download()} loading={busy}>
        Export as zip
      </Button>
      <ErrorAlert error={error} title="The export failed" />
    </Stack>
  );
}
