import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection, type ConnectionShape } from '../../../infrastructure/graphql/pagination';

@ObjectType({ description: 'One entry of the append-only audit trail.' })
export class AuditEvent {
  @Field(() => ID) id: string;
  @Field({ description: '`tid:oid` of the user, or `system:<component>`.' }) actorId: string;
  @Field(() => String, { nullable: true }) actorUpn: string | null;
  @Field(() => String, { nullable: true }) tenantId: string | null;
  @Field({ description: 'e.g. tenant.registered, tenant.credentials_changed, access.granted, access.denied.' })
  action: string;
  @Field() targetType: string;
  @Field(() => String, { nullable: true }) targetId: string | null;
  @Field({ description: 'Sanitized metadata as a JSON object string (never secrets).' }) metadataJson: string;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field() at: Date;
}

/** Relay connection over the shared PageInfo (`AuditEventConnection`, `AuditEventEdge`). */
export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');
export type AuditEventConnection = ConnectionShape<AuditEvent>;
