export { GraphModule } from './graph.module';
export { GraphClientFactory } from './graph-client.factory';
export type { GraphClientOptions } from './graph-client.factory';
export type {
  GraphClient,
  GraphQuery,
  GraphPage,
  GraphTarget,
  GraphMethod,
  GraphBatchRequest,
  GraphBatchResponse,
  GraphRequestOptions,
} from './graph-client';
export { GraphCallStats } from './graph-call-stats';
export {
  GraphError,
  GraphThrottledError,
  GraphPermissionError,
  GraphNotFoundError,
  GraphValidationError,
  GraphUnavailableError,
  GraphAuthError,
} from './graph-errors';
export type { GraphAuthErrorKind } from './graph-errors';
export { GRAPH_SETTINGS, DEFAULT_GRAPH_SETTINGS, graphSettingsFromEnv } from './graph-settings';
export type { GraphSettings, GraphBudgetSettings } from './graph-settings';
export type { BudgetState } from './graph-throttle-budget';
export type { TenantGraphConnection } from './tenant-graph-connection';
export { deriveCapabilities } from './capabilities';
export type { TenantCapabilities, TypeCapability } from './capabilities';
export {
  GRAPH_CONTRACTS,
  GRAPH_TYPE_KEYS,
  DELEGATED_GROUP_SEARCH_SCOPES,
  getContract,
  isGraphTypeKey,
  stripReadOnlyFields,
} from '../../../config/graph-contracts';
export type { GraphContract, GraphTypeKey, GraphApiVersion } from '../../../config/graph-contracts';
