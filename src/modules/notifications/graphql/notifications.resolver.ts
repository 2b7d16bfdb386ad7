import { type OnModuleInit } from '@nestjs/common';
import { Args, ID, Int, Mutation, Query, Resolver, Subscription } from '@nestjs/graphql';
import { PubSub } from 'graphql-subscriptions';
import type { AuthenticatedUser } from '../../../infrastructure/auth/authenticated-user';
import { CurrentUser } from '../../../infrastructure/auth/current-user.decorator';
import { EventBus } from '../../../infrastructure/events';
import type { GraphqlContext } from '../../../infrastructure/graphql/graphql-context';
import { BadUserInputError } from '../../../shared/app-errors';
import { RequireAuthenticated } from '../../../infrastructure/access';
import { encodeNotificationCursor, NotificationsService } from '../application/notifications.service';
import type { Notification } from '../domain/notification.entity';
import { MyNotificationsArgs, NotificationConnection, NotificationType } from './notification.type';

const ADDED = 'notificationAdded';

/** The caller's own notifications; nobody reads or marks another user's. */
@Resolver(() => NotificationType)
export class NotificationsResolver implements OnModuleInit {
  private readonly pubsub = new PubSub<{ [ADDED]: Notification }>();

  constructor(
    private readonly notifications: NotificationsService,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.on('notification.added', (notification) => this.pubsub.publish(ADDED, notification));
  }

  @RequireAuthenticated('the caller reads only their own notifications')
  @Query(() => NotificationConnection)
  async myNotifications(
    @Args() args: MyNotificationsArgs,
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<NotificationConnection> {
    if (args.first < 1 || args.first > 100) throw new BadUserInputError('first must be between 1 and 100', 'first');
    const { items, hasNextPage } = await this.notifications.page(user.id, args.first, args.after, args.unreadOnly);
    const edges = items.map((node) => ({ cursor: encodeNotificationCursor(node), node }));
    return { edges, pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @RequireAuthenticated('the caller marks only their own notifications')
  @Mutation(() => Int, { description: 'Marks the given notifications of the caller read; returns how many changed.' })
  markNotificationsRead(
    @Args('ids', { type: () => [ID] }) ids: string[],
    @CurrentUser() user: AuthenticatedUser,
  ): Promise<number> {
    if (ids.length > 500) throw new BadUserInputError('At most 500 ids at once', 'ids');
    return this.notifications.markRead(user.id, ids);
  }

  @RequireAuthenticated('delivers only the caller’s own notifications')
  @Subscription(() => NotificationType, {
    filter: (notification: Notification, _args: unknown, context: GraphqlContext) =>
      notification.userId === context.user.id,
    resolve: (notification: Notification) => notification,
  })
  notificationAdded(): AsyncIterableIterator<Notification> {
    return this.pubsub.asyncIterableIterator(ADDED);
  }
}
