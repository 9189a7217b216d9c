import { Module } from '@nestjs/common';
import { FollowUpTaskController } from './follow-up-task.controller';
import { FollowUpTaskService } from './follow-up-task.service';

/** Advisor service. For now the follow-up task records other modules create; chat and tickets come with issue 8. */
@Module({
  controllers: [FollowUpTaskController],
  providers: [FollowUpTaskService],
  exports: [FollowUpTaskService],
})
export class ServiceModule {}
