import { Brand } from '../../modules/member/brand.entity';
import { Member } from '../../modules/member/member.entity';
import { MemberConsent } from '../../modules/member/member-consent.entity';
import { MemberWechat } from '../../modules/member/member-wechat.entity';
import { PrivacyPolicy } from '../../modules/member/privacy-policy.entity';
import { Staff } from '../../modules/member/staff.entity';
import { Store } from '../../modules/member/store.entity';
import { RefreshToken } from '../../modules/identity/refresh-token.entity';
import { StaffCredential } from '../../modules/identity/staff-credential.entity';
import { AuditLog } from '../audit/audit-log.entity';
import { Tag } from '../../modules/member/tag.entity';
import { MemberTag } from '../../modules/member/member-tag.entity';
import { Product } from '../../modules/catalog/product.entity';
import { Questionnaire } from '../../modules/skin/questionnaire.entity';
import { QuestionnaireVersion } from '../../modules/skin/questionnaire-version.entity';
import { SkinSession } from '../../modules/skin/skin-session.entity';
import { SkinResult } from '../../modules/skin/skin-result.entity';
import { RecommendationClick, RecommendationImpression } from '../../modules/skin/recommendation-event.entity';
import { StoreHours, StoreSpecialDay } from '../../modules/appointment/store-schedule.entity';
import { AdvisorSkill, AppointmentService, AppointmentServiceStore } from '../../modules/appointment/appointment-service.entity';
import { AdvisorShiftException, AdvisorShiftRule } from '../../modules/appointment/advisor-shift.entity';
import { AdvisorBusy, AppointmentPolicy, Booking, ClassSession } from '../../modules/appointment/booking.entity';
import { PointsAccount, PointsEntry, PointsLot } from '../../modules/loyalty/points.entity';
import { EarningRules } from '../../modules/loyalty/earning-rules.entity';
import { MemberTier, Tier, TierChange, TierSpend } from '../../modules/loyalty/tier.entity';
import { PointsImport, Redemption, Reward, RewardMemberCount } from '../../modules/loyalty/reward.entity';
import { OrderItem, OrderRefund, PaymentNotification, SalesOrder } from '../../modules/order/order.entity';
import { CouponClaimCount, CouponTemplate, MemberCoupon } from '../../modules/coupon/coupon.entity';

/** Every entity of every module; the data source and the migration drift check both use this list. */
export const ENTITIES = [Brand, Store, Staff, Member, MemberWechat, PrivacyPolicy, MemberConsent, RefreshToken, StaffCredential, AuditLog,
  Tag, MemberTag, Product, Questionnaire, QuestionnaireVersion, SkinSession, SkinResult, RecommendationImpression, RecommendationClick,
  StoreHours, StoreSpecialDay, AppointmentService, AppointmentServiceStore, AdvisorSkill, AdvisorShiftRule, AdvisorShiftException,
  ClassSession, AdvisorBusy, Booking, AppointmentPolicy, PointsAccount, PointsLot, PointsEntry, EarningRules, Tier, MemberTier, TierChange,
  TierSpend, Reward, RewardMemberCount, Redemption, PointsImport, SalesOrder, OrderItem, OrderRefund,
  PaymentNotification, CouponTemplate, MemberCoupon, CouponClaimCount,
];
