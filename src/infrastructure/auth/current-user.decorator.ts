import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { AuthenticatedUser } from './authenticated-user';
import type { GraphqlContext } from '../graphql/graphql-context';

/** The authenticated caller of a GraphQL operation (query, mutation or subscription). */
export const CurrentUser = createParamDecorator((_data: unknown, context: ExecutionContext): AuthenticatedUser => {
  return GqlExecutionContext.create(context).getContext<GraphqlContext>().user;
});
