import { Anchor, Group, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { RunByIdQuery } from '../api/documents';
import { runTypeLabel } from '../app/run-types';
import type { RunFieldsFragment } from '../gql/graphql';
import { isNewer } from '../live/versioned';
import { useRunUpdates } from '../live/useRunUpdates';
import { RunStatusBadge } from './RunStatusBadge';

const REREAD_MS = 3000;

/** A run just started from this page, followed live until it ends; `onCompleted` lets the page re-read its data. */
export function LiveRunStatus({ run: started, onCompleted }: { run: RunFieldsFragment; onCompleted?: () => void }) {
  const [live, setLive] = useState(started);
  // The run may end before the subscription starts: read it once as well, and again after a reconnect.
  const [{ data }, reread] = useQuery({
    query: RunByIdQuery,
    variables: { id: started.id },
    requestPolicy: 'network-only',
  });
  useRunUpdates(
    { runId: started.id },
    (runs) => setLive((current) => runs.find((r) => isNewer(current, r)) ?? current),
    () => reread({ requestPolicy: 'network-only' }),
  );
  const fetched = data?.operationRun as RunFieldsFragment | undefined;
  const run = fetched && isNewer(live, fetched) ? fetched : live;
  // A subscription only delivers what is published after the server registered it, and the read above may land just
  // before the run ends: until it ends, read it again now and then (DB-only), so a missed last update cannot leave
  // the page showing "Running".
  useEffect(() => {
    if (run.status === 'COMPLETED') return;
    const timer = setInterval(() => reread({ requestPolicy: 'network-only' }), REREAD_MS);
    return () => clearInterval(timer);
  }, [run.status, reread]);
  const completed = useRef(started.status === 'COMPLETED');
  useEffect(() => {
    if (run.status === 'COMPLETED' && !completed.current) {
      completed.current = true;
      onCompleted?.();
    }
  }, [run.status, onCompleted]);

  return (
    <Group gap="xs" role="status" aria-live="polite">
      <Text size="sm">{runTypeLabel(run.type)}:</Text>
      <RunStatusBadge status={run.status} outcome={run.outcome} />
      <Anchor component={Link} to={`/operations/${run.id}`} size="sm">
        Open the run
      </Anchor>
    </Group>
  );
}
