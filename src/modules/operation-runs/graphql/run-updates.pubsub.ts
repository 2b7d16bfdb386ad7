import { Injectable, type OnModuleInit } from '@nestjs/common';
import { PubSub } from 'graphql-subscriptions';
import { EventBus } from '../../../infrastructure/events';
import type { OperationRunSnapshot } from '../application/operation-run.events';

export const RUN_UPDATED_TRIGGER = 'operationRunUpdated';

/** Feeds run changes from every process (the EventBus relay) to this process's GraphQL subscribers. */
@Injectable()
export class RunUpdatesPubSub implements OnModuleInit {
  readonly pubsub = new PubSub<{ [RUN_UPDATED_TRIGGER]: OperationRunSnapshot }>();

  constructor(private readonly bus: EventBus) {}

  onModuleInit(): void {
    this.bus.on('operation-run.updated', (snapshot) => this.pubsub.publish(RUN_UPDATED_TRIGGER, snapshot));
  }

  iterator(): AsyncIterableIterator<OperationRunSnapshot> {
    return this.pubsub.asyncIterableIterator(RUN_UPDATED_TRIGGER);
  }
}
