import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { LoyaltyModule } from '../loyalty/loyalty.module';
import { MemberModule } from '../member/member.module';
import { CouponModule } from '../coupon/coupon.module';
import { OnlineOrderService } from './online-order.service';
import { OrderController } from './order.controller';
import { OrderDataContributor } from './order-data.contributor';
import { OrderService } from './order.service';

/** Orders from the store till and online checkout; orchestrates points, tier and coupons in one transaction. */
@Module({
  imports: [MemberModule, CatalogModule, LoyaltyModule, CouponModule],
  controllers: [OrderController],
  providers: [OrderService, OnlineOrderService, OrderDataContributor],
  exports: [OrderService, OnlineOrderService],
})
export class OrderModule {}
