import './application/inventory.events';
import './application/inventory.run-types';

export { InventoryModule } from './inventory.module';
export { InventoryWorkersModule } from './inventory-workers.module';
export { InventoryFacade, type InventoryTypeSummary, type ObservedItemView } from './application/inventory.facade';
export type { InventorySynced } from './application/inventory.events';
export type { InventorySyncContext, InventorySyncResult } from './application/inventory.run-types';
export { InventoryItemType } from './graphql/inventory-item.type';
