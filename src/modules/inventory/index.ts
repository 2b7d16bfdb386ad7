import './application/inventory.events';

export { InventoryModule } from './inventory.module';
export type { InventorySynced, DirectoryGroupsSynced } from './application/inventory.events';
export { InventoryItemType } from './graphql/inventory-item.type';
export { DirectoryGroupType } from './graphql/directory-group.type';
