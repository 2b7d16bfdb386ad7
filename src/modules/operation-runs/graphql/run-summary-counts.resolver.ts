import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLJSONObject } from 'graphql-scalars';
import { OperationRunSummaryCountsType } from './operation-run.type';

const STANDARD = new Set(['total', 'processed', 'succeeded', 'failed', 'skipped']);

@Resolver(() => OperationRunSummaryCountsType)
export class RunSummaryCountsResolver {
  @ResolveField(() => GraphQLJSONObject, {
    description: 'Type-specific counters, e.g. objectsSeen, throttled429, graphWaitedMs for inventory.sync.',
  })
  metrics(@Parent() counts: Record<string, number>): Record<string, number> {
    return Object.fromEntries(
      Object.entries(counts).filter(([key, value]) => !STANDARD.has(key) && typeof value === 'number'),
    );
  }
}
