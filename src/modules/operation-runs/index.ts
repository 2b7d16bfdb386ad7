export { OperationRunsModule } from './operation-runs.module';
