export { RbacModule } from './rbac.module';
