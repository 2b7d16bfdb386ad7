import { Connection, type ConnectionShape, pageSizeDescription } from '../../../infrastructure/graphql/pagination';
import { ArgsType, Field, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { OperationRunOutcomeValue } from '../../operation-runs';

export enum NotificationKindValue {
  RUN_QUEUED = 'run_queued',
  RUN_COMPLETED = 'run_completed',
}
registerEnumType(NotificationKindValue, { name: 'NotificationKind' });

@ObjectType('Notification')
export class NotificationType {
  @Field(() => ID) id: string;
  @Field(() => NotificationKindValue) kind: string;
  @Field() title: string;
  @Field(() => OperationRunOutcomeValue, { nullable: true, description: 'The run outcome, on terminal notifications.' })
  outcome: string | null;
  @Field({ description: 'Where the UI shows the run, e.g. /operations/<id>.' }) link: string;
  @Field(() => ID) runId: string;
  @Field(() => ID, { nullable: true }) tenantId: string | null;
  @Field() createdAt: Date;
  @Field(() => Date, { nullable: true }) readAt: Date | null;
}

/** Relay connection over the shared PageInfo (`NotificationConnection`, `NotificationEdge`). */
export const NotificationConnection = Connection(NotificationType, 'Notification');
export type NotificationConnection = ConnectionShape<NotificationType>;

@ArgsType()
export class MyNotificationsArgs {
  @Field(() => Int, { defaultValue: 20, description: pageSizeDescription(20) }) first: number;
  @Field(() => String, { nullable: true }) after?: string | null;
  @Field({ defaultValue: false }) unreadOnly: boolean;
}
