import { Global, Module } from '@nestjs/common';
import { ScheduleModule } from '@nestjs/schedule';
import { JobRunner } from './job-runner';
import { JobsController } from './jobs.controller';

/** Cron scheduling (`@Cron` in modules) plus the advisory-locked runner every scheduled job goes through. */
@Global()
@Module({
  imports: [ScheduleModule.forRoot()],
  controllers: [JobsController],
  providers: [JobRunner],
  exports: [JobRunner],
})
export class JobsModule {}
