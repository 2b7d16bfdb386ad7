export { RestoreModule } from './restore.module';
