import { ActionIcon, Button, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications as toasts } from '@mantine/notifications';
import { IconBell } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { useConsole } from '../../app/context';
import { formatDateTime } from '../../app/format';
import { graphql } from '../../gql';
import type { NotificationItemFragment } from '../../gql/graphql';

export const NotificationItem = graphql(`
  fragment NotificationItem on Notification {
    id
    kind
    title
    link
    outcome
    readAt
    createdAt
    runId
    tenantId
  }
`);
const NotificationsQuery = graphql(`
  query MyNotifications {
    myNotifications(first: 20) {
      edges {
        node {
          ...NotificationItem
        }
      }
    }
    unread: myNotifications(first: 100, unreadOnly: true) {
      edges {
        node {
          id
        }
      }
      pageInfo {
        hasNextPage
      }
    }
  }
`);
const NotificationAdded = graphql(`
  subscription NotificationAdded {
    notificationAdded {
      ...NotificationItem
    }
  }
`);
const MarkRead = graphql(`
  mutation MarkNotificationsRead($ids: [ID!]!) {
    markNotificationsRead(ids: $ids)
  }
`);

/** The bell: unread count, the latest notifications (links to their runs), live through notificationAdded. */
export function NotificationsBell() {
  const { api } = useConsole();
  const navigate = useNavigate();
  const [{ data }, reexecute] = useQuery({ query: NotificationsQuery });
  const [, markRead] = useMutation(MarkRead);
  const [live, setLive] = useState<NotificationItemFragment[]>([]);
  const [readIds, setReadIds] = useState<Set<string>>(new Set());

  useSubscription({ query: NotificationAdded }, (_prev, event) => {
    const n = event.notificationAdded as NotificationItemFragment;
    setLive((list) => (list.some((x) => x.id === n.id) ? list : [n, ...list]));
    if (n.kind === 'RUN_COMPLETED')
      toasts.show({
        closeButtonProps: { 'aria-label': 'Dismiss notification' },
        title: n.title,
        message: 'Open the bell to see the run',
        autoClose: 5000,
      });
    return event;
  });
  // After a lost connection, re-read: notifications may have been missed meanwhile.
  useEffect(() => api.onReconnected(() => reexecute({ requestPolicy: 'network-only' })), [api, reexecute]);

  const items = useMemo(() => {
    const fetched = (data?.myNotifications.edges ?? []).map((e) => e.node as NotificationItemFragment);
    const seen = new Set(fetched.map((n) => n.id));
    return [...live.filter((n) => !seen.has(n.id)), ...fetched]
      .map((n) => (readIds.has(n.id) && !n.readAt ? { ...n, readAt: new Date().toISOString() } : n))
      .slice(0, 20);
  }, [data, live, readIds]);
  const unreadIds = useMemo(() => {
    const ids = new Set((data?.unread.edges ?? []).map((e) => e.node.id));
    live.forEach((n) => !n.readAt && ids.add(n.id));
    readIds.forEach((id) => ids.delete(id));
    return [...ids];
  }, [data, live, readIds]);
  const more = data?.unread.pageInfo.hasNextPage ? '+' : '';
  const count = unreadIds.length;

  const mark = async (ids: string[]) => {
    if (!ids.length) return;
    const result = await markRead({ ids });
    if (!result.error) setReadIds((prev) => new Set([...prev, ...ids]));
  };

  return (
    <Popover width={380} position="bottom-end" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" aria-label={`Notifications, ${count}${more} unread`}>
          <Indicator label={`${count}${more}`} disabled={count === 0} size={18} color="red" offset={2}>
            <IconBell aria-hidden />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <Group justify="space-between" mb="xs">
          <Text fw={600}>Notifications</Text>
          <Button size="xs" variant="subtle" onClick={() => void mark(unreadIds)} disabled={count === 0}>
            Mark all read
          </Button>
        </Group>
        <ScrollArea.Autosize mah={400}>
          {items.length === 0 ? (
            <Text c="dimmed" size="sm">
              No notifications yet. Runs you start report here.
            </Text>
          ) : (
            <Stack gap={4} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {items.map((n) => (
                <li key={n.id}>
                  <UnstyledButton
                    w="100%"
                    p="xs"
                    style={{ borderRadius: 4, background: n.readAt ? undefined : 'var(--mantine-color-blue-light)' }}
                    onClick={() => {
                      void mark(n.readAt ? [] : [n.id]);
                      navigate(n.link);
                    }}
                  >
                    <Text size="sm" fw={n.readAt ? 400 : 600}>
                      {n.title}
                      {!n.readAt && <span className="visually-hidden"> (unread)</span>}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(n.createdAt)}
                    </Text>
                  </UnstyledButton>
                </li>
              ))}
            </Stack>
          )}
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
