import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type ParseOptions, type ValidationContext, type ValidationRule } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits';

export type QueryLimit = 'depth' | 'aliases' | 'cost' | 'directives' | 'tokens';

const WORDING: Record<QueryLimit, (found: number | undefined, max: number) => string> = {
  depth: (found, max) => `depth ${found} exceeds the limit of ${max}`,
  aliases: (found, max) => `${found} aliases exceed the limit of ${max}`,
  directives: (found, max) => `${found} directives exceed the limit of ${max}`,
  cost: (found, max) =>
    `cost ${found} exceeds the limit of ${max} (a page size multiplies the cost of everything selected under it: ask for fewer items or fewer fields)`,
  tokens: (_found, max) => `the document has more than ${max} tokens`,
};

/** The query's shape exceeds a limit: the caller's fault (400), said plainly, with its own code. */
export class QueryTooComplexError extends GraphQLError {
  constructor(limit: QueryLimit, max: number, found?: number) {
    super(`Query too complex: ${WORDING[limit](found, max)}`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', limit, max, ...(found === undefined ? {} : { found }) },
    });
  }
}

/** graphql-armor calls its rejections "Syntax Error: …": report ours instead, through the validation context (→ 400). */
function rejectAs(
  limit: QueryLimit,
  max: number,
): Array<(context: ValidationContext | null, error: GraphQLError) => void> {
  return [
    (context, error) => {
      const found = /found (\d+)/.exec(error.message)?.[1];
      context?.reportError(new QueryTooComplexError(limit, max, found === undefined ? undefined : Number(found)));
    },
  ];
}

/**
 * graphql-js stops parsing past `maxTokens` with a syntax error; Apollo reports it as GRAPHQL_PARSE_FAILED. This tells
 * that case apart so it gets QUERY_TOO_COMPLEX (graphql-js 16 words it "Document contains more that N tokens").
 */
export function tooComplexFromParseError(error: GraphQLError): QueryTooComplexError | null {
  return /Document contains more th[ae]t? \d+ tokens/.test(error.message)
    ? new QueryTooComplexError('tokens', GRAPHQL_LIMITS.maxTokens)
    : null;
}

/**
 * Query-shape limits for every GraphQL entry point (HTTP and WebSocket): depth, aliases, cost and directives as
 * validation rules, the token limit as a parse option. armor's own token plugin is off: it parses the document a
 * second time inside an Apollo hook, where a plain syntax error became an HTTP 500.
 */
export function queryLimits(production: boolean): {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  plugins: ReturnType<ApolloArmor['protect']>['plugins'];
} {
  const rejection = (limit: QueryLimit, max: number) => ({
    propagateOnRejection: false,
    onReject: rejectAs(limit, max),
  });
  const armor = new ApolloArmor({
    maxDepth: {
      n: GRAPHQL_LIMITS.maxDepth,
      ignoreIntrospection: false,
      flattenFragments: true,
      ...rejection('depth', GRAPHQL_LIMITS.maxDepth),
    },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases, ...rejection('aliases', GRAPHQL_LIMITS.maxAliases) },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ...rejection('cost', GRAPHQL_LIMITS.maxCost) },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives, ...rejection('directives', GRAPHQL_LIMITS.maxDirectives) },
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    validationRules: armor.validationRules,
    parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
    plugins: armor.plugins,
  };
}
