import { Module } from '@nestjs/common';
import { AppointmentModule } from '../appointment/appointment.module';
import { CouponModule } from '../coupon/coupon.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MemberModule } from '../member/member.module';
import { ChatBot } from './chat-bot';
import { ChatFlow } from './chat-flow';
import { ChatHub } from './chat-hub';
import { ChatRouter } from './chat-router';
import { MemberChatController, StaffChatController } from './chat.controller';
import { ChatGateway } from './chat.gateway';
import { ChatService } from './chat.service';
import { Customer360Service } from './customer-360.service';
import { FollowUpTaskController } from './follow-up-task.controller';
import { FollowUpTaskService } from './follow-up-task.service';
import { KnowledgeBaseService } from './knowledge-base.service';
import { ServiceDataContributor } from './service-data.contributor';
import { ServiceJobs } from './service.jobs';
import { ServiceMetricsService } from './service-metrics.service';
import { MemberServiceController, StaffServiceController } from './ticket.controller';
import { TicketService } from './ticket.service';
import { WechatPushController } from './wechat-push.controller';

/**
 * Advisor service: realtime chat (socket.io) with routing, the bot and its knowledge base, WeChat customer-service
 * messages, the customer 360, tickets, CSAT, follow-up tasks and advisor metrics.
 */
@Module({
  imports: [MemberModule, CouponModule, LoyaltyModule, AppointmentModule],
  controllers: [MemberChatController, StaffChatController, StaffServiceController, MemberServiceController, FollowUpTaskController, WechatPushController],
  providers: [
    ChatHub,
    ChatService,
    ChatRouter,
    ChatBot,
    ChatFlow,
    ChatGateway,
    KnowledgeBaseService,
    Customer360Service,
    TicketService,
    ServiceMetricsService,
    FollowUpTaskService,
    ServiceJobs,
    ServiceDataContributor,
  ],
  exports: [FollowUpTaskService],
})
export class ServiceModule {}
