import { Global, Module } from '@nestjs/common';
import { MetricsServer } from './metrics.server';

/** The metrics endpoint of every role (api and worker processes each expose their own). */
@Global()
@Module({ providers: [MetricsServer], exports: [MetricsServer] })
export class MetricsModule {}
