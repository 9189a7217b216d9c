import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { NotificationController } from './notification.controller';
import { NotificationDataContributor } from './notification-data.contributor';
import { NotificationJobs } from './notification.jobs';
import { NotificationService } from './notification.service';

/** Subscribe messages: the members' consent credits, the outbox and its dispatcher. */
@Module({
  imports: [MemberModule],
  controllers: [NotificationController],
  providers: [NotificationService, NotificationJobs, NotificationDataContributor],
  exports: [NotificationService],
})
export class NotificationModule {}
