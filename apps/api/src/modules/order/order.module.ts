import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MemberModule } from '../member/member.module';
import { OrderController } from './order.controller';
import { OrderDataContributor } from './order-data.contributor';
import { OrderService } from './order.service';

/** Orders from the store till (online orders attach payments later); orchestrates points and tier in one transaction. */
@Module({
  imports: [MemberModule, CatalogModule, LoyaltyModule],
  controllers: [OrderController],
  providers: [OrderService, OrderDataContributor],
  exports: [OrderService],
})
export class OrderModule {}
