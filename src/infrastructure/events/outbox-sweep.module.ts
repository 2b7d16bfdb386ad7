import { Module } from '@nestjs/common';
import { EventsModule } from './events.module';
import { OutboxSweep } from './outbox.sweep';

/** The outbox relay sweep: worker roles only (the composition root decides). */
@Module({ imports: [EventsModule], providers: [OutboxSweep] })
export class OutboxSweepModule {}
