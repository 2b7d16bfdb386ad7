import { useEffect, useEffectEvent } from 'react';
import { useConsole } from '../app/context';
import { RunUpdatesSubscription } from '../api/documents';
import type { RunFieldsFragment } from '../gql/graphql';
import { Coalescer } from './coalescer';

/**
 * Live runs of some tenants (or one run), delivered in coalesced batches; `onBatch` gets the newest message per run.
 * After a lost WebSocket reconnects, `onReconnected` re-reads the current state (messages may have been missed).
 */
export function useRunUpdates(
  scope: { tenantIds?: string[]; runId?: string },
  onBatch: (runs: RunFieldsFragment[]) => void,
  onReconnected: () => void,
): void {
  const { api } = useConsole();
  const batch = useEffectEvent(onBatch);
  const reread = useEffectEvent(onReconnected);
  const key = scope.runId ? `run:${scope.runId}` : `tenants:${[...(scope.tenantIds ?? [])].sort().join(',')}`;

  useEffect(() => {
    const coalescer = new Coalescer<RunFieldsFragment>(
      (r) => r.id,
      (runs) => batch(runs),
    );
    const variables = scope.runId ? [{ id: scope.runId }] : (scope.tenantIds ?? []).map((tenantId) => ({ tenantId }));
    const subscriptions = variables.map((v) =>
      api.client.subscription(RunUpdatesSubscription, v).subscribe((result) => {
        const run = result.data?.operationRunUpdated as RunFieldsFragment | undefined;
        if (run) coalescer.push(run);
      }),
    );
    const offReconnect = api.onReconnected(() => reread());
    return () => {
      subscriptions.forEach((s) => s.unsubscribe());
      offReconnect();
      coalescer.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` stands for the scope
  }, [api, key]);
}
