import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OperationRunsModule } from '../operation-runs';
import { TenantsModule } from '../tenants';
import { DirectoryGroupQueries } from './application/directory-group.queries';
import { DirectoryGroupsSyncHandler } from './application/directory-groups-sync.handler';
import { DirectoryGroupsWriter } from './application/directory-groups-writer';
import { DirectoryFacade } from './application/directory.facade';
import { SearchDirectoryGroupsUseCase } from './application/search-directory-groups.use-case';
import { DirectoryGroup } from './domain/directory-group.entity';
import { DirectoryGroupSearchResolver } from './graphql/directory-group-search.resolver';
import { DirectoryResolver } from './graphql/directory.resolver';

/**
 * A tenant's Entra groups: the cache (a `directory.groups.sync` run fills it; reads never call Graph) and live
 * delegated search as the signed-in user. Backups name groups and restore maps them through DirectoryFacade.
 */
@Module({
  imports: [TypeOrmModule.forFeature([DirectoryGroup]), OperationRunsModule, TenantsModule],
  providers: [
    DirectoryGroupQueries,
    DirectoryGroupsWriter,
    DirectoryGroupsSyncHandler,
    SearchDirectoryGroupsUseCase,
    DirectoryFacade,
    DirectoryResolver,
    DirectoryGroupSearchResolver,
  ],
  exports: [DirectoryFacade],
})
export class DirectoryModule {}
