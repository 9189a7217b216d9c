import { NotificationModule } from '../notification/notification.module';
import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { MemberModule } from '../member/member.module';
import { CouponClaimBatcher } from './coupon-claim-batcher';
import { CouponDataContributor } from './coupon-data.contributor';
import { CouponTemplateService } from './coupon-template.service';
import { CouponController } from './coupon.controller';
import { CouponJobs } from './coupon.jobs';
import { CouponService } from './coupon.service';
import { StaffCouponController } from './staff-coupon.controller';

/** Coupon templates, the claim center, member wallets and the coupon rules at the till and at checkout. */
@Module({
  imports: [MemberModule, CatalogModule, NotificationModule],
  controllers: [CouponController, StaffCouponController],
  providers: [CouponTemplateService, CouponClaimBatcher, CouponService, CouponJobs, CouponDataContributor],
  exports: [CouponService],
})
export class CouponModule {}
