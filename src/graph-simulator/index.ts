export { startGraphSimulator, type GraphSimulator, type GraphSimulatorOptions } from './simulator';
export type {
  SimTenantInput,
  SimTenantInfo,
  SimTenant,
  SimGroup,
  SimAppInput,
  SimUserInput,
  SimCertificate,
  StoredObject,
} from './simulator-state';
export type { ThrottleOptions } from './throttle';
export type { FaultOptions } from './faults';
export type { SimStats } from './stats';
export { SIM_PERMISSIONS, SIM_ALL_PERMISSIONS } from './permissions';
export { COLLECTIONS, collectionSpec } from './collections';
export { DEMO_TENANT, demoConsoleClient } from './tenants';
export type { SpaClient } from './spa-clients';
export { seedFromExports, stripAnnotations, collectionFromContext } from './seed-from-exports';
export { seedSynthetic, seedSyntheticCollection, generateGroups } from './synthetic-seed';
