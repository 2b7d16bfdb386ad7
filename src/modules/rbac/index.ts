export { RbacModule } from './rbac.module';
export { RbacFacade } from './application/rbac.facade';
