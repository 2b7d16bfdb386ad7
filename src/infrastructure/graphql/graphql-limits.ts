/** Query-shape limits (graphql-armor): deep enough for the UI's real queries, far below abusive ones. */
export const GRAPHQL_LIMITS = {
  maxDepth: 15,
  maxAliases: 15,
  maxCost: 5000,
  maxDirectives: 20,
  maxTokens: 2000,
} as const;
