import './application/directory.events';
import './application/directory.run-types';

export { DirectoryModule } from './directory.module';
export { DirectoryFacade, type DirectoryGroupView } from './application/directory.facade';
export type { DirectoryGroupsSynced } from './application/directory.events';
export type { DirectoryGroupsSyncResult } from './application/directory.run-types';
export { DirectoryGroupType } from './graphql/directory-group.type';
