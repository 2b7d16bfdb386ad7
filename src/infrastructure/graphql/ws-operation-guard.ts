import { GraphQLError, type GraphQLSchema, type DocumentNode, parse, specifiedRules, validate } from 'graphql';
import type { AuthenticatedUser } from '../auth/authenticated-user';
import type { WsRateLimit } from '../rate-limit/ws-rate-limit';
import { rateLimitedError } from '../rate-limit/rate-limited';
import { queryLimits } from './query-complexity';

/**
 * What HTTP gets from Apollo and the rate limiter, for operations sent over graphql-ws: the caller's operation limit,
 * the token limit and the depth/alias/cost/directive rules. A syntax error answers that operation with
 * GRAPHQL_PARSE_FAILED instead of graphql-ws's default (the parse throws and the whole socket closes with 4500).
 */
export function wsOperationGuard(
  rateLimit: WsRateLimit,
  production: boolean,
): {
  onSubscribe: (
    ctx: { extra: { user?: AuthenticatedUser } },
    id: string,
    payload: { query: string },
  ) => Promise<readonly GraphQLError[] | undefined>;
  validate: (schema: GraphQLSchema, document: DocumentNode) => readonly GraphQLError[];
} {
  const limits = queryLimits(production);
  const rules = [...specifiedRules, ...limits.validationRules];
  return {
    onSubscribe: async (ctx, _id, payload) => {
      if (ctx.extra.user) {
        const decision = await rateLimit.takeOperation(ctx.extra.user.id);
        if (decision.limited) return [rateLimitedError(decision)];
      }
      try {
        parse(payload.query, limits.parseOptions);
      } catch (error) {
        if (error instanceof GraphQLError)
          return [new GraphQLError(error.message, { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        throw error;
      }
      return undefined; // graphql-ws parses again and validates with `validate` below
    },
    validate: (schema, document) => validate(schema, document, rules),
  };
}
