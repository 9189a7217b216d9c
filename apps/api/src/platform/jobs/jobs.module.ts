import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRunner } from './job-runner';
import { JobsController } from './jobs.controller';
import { QueueService } from './queue.service';

/** Cron scheduling (`@Cron` in modules) plus the advisory-locked runner every scheduled job goes through, and the pg-boss queue for fan-out. */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [JobRunner, QueueService],
  exports: [JobRunner, QueueService],
})
export class JobsModule {}
