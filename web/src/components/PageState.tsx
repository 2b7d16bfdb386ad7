import { Alert, Center, Loader, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import type { CombinedError } from 'urql';
import { apiErrorMessage } from '../api/errors';

/** Loading, error and empty states the same way on every page; children once there is data. */
export function PageState(props: {
  fetching: boolean;
  error?: CombinedError | Error | null;
  empty?: boolean;
  emptyText?: ReactNode;
  hasData: boolean;
  label: string;
  children: ReactNode;
}): ReactNode {
  if (props.error && !props.hasData) return <ErrorAlert error={props.error} />;
  if (!props.hasData)
    return props.fetching ? (
      <Center py="xl">
        <Loader aria-label={`Loading ${props.label}`} />
      </Center>
    ) : null;
  return (
    <>
      {props.error && <ErrorAlert error={props.error} />}
      {props.empty ? (
        <Text c="dimmed" py="md">
          {props.emptyText}
        </Text>
      ) : (
        props.children
      )}
    </>
  );
}

export function ErrorAlert({
  error,
  title = 'The request failed',
}: {
  error: CombinedError | Error | null;
  title?: string;
}) {
  const message = apiErrorMessage(error);
  if (!message) return null;
  return (
    <Alert color="red" title={title} role="alert" my="sm" style={{ whiteSpace: 'pre-wrap' }}>
      {message}
    </Alert>
  );
}
