import { Module } from '@nestjs/common';
import { OrderModule } from '../order/order.module';
import { PaymentController } from './payment.controller';
import { PaymentJobs } from './payment.jobs';
import { PaymentService } from './payment.service';

/** WeChat Pay: notifications for payments and refunds, and the jobs that close unpaid orders and resend refunds. */
@Module({
  imports: [OrderModule],
  controllers: [PaymentController],
  providers: [PaymentService, PaymentJobs],
})
export class PaymentModule {}
