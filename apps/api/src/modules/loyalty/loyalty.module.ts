import { NotificationModule } from '../notification/notification.module';
import { Module } from '@nestjs/common';
import { MemberModule } from '../member/member.module';
import { CouponModule } from '../coupon/coupon.module';
import { LoyaltyController } from './loyalty.controller';
import { LoyaltyDataContributor } from './loyalty-data.contributor';
import { LoyaltyJobs } from './loyalty.jobs';
import { LoyaltyService } from './loyalty.service';
import { MemberCodeService } from './member-code.service';
import { PointsImportService } from './points-import.service';
import { PointsService } from './points.service';
import { RewardService } from './reward.service';
import { StaffLoyaltyController } from './staff-loyalty.controller';

/** Points ledger and lots, earning rules, tiers, the points mall, opening balances and the rotating member code. */
@Module({
  imports: [MemberModule, CouponModule, NotificationModule],
  controllers: [LoyaltyController, StaffLoyaltyController],
  providers: [PointsService, LoyaltyService, MemberCodeService, RewardService, PointsImportService, LoyaltyJobs, LoyaltyDataContributor],
  exports: [LoyaltyService, PointsService, MemberCodeService],
})
export class LoyaltyModule {}
