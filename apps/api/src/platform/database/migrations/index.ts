import { Init1795426683162 } from './1795426683162-init';
import { MemberPortrait1795436941741 } from './1795436941741-member-portrait';
import { Appointments1795440030835 } from './1795440030835-appointments';
import { BookingMemberOverlap1795444196962 } from './1795444196962-booking-member-overlap';
import { Loyalty1795447742469 } from './1795447742469-loyalty';
import { TierBookingDaysFromLoyalty1795453281231 } from './1795453281231-tier-booking-days-from-loyalty';
import { Coupons1795457307913 } from './1795457307913-coupons';
import { Campaigns1795462000000 } from './1795462000000-campaigns';
import { AdvisorService1795470000000 } from './1795470000000-advisor-service';
import { SalesOrderPaidCovering1795480000000 } from './1795480000000-sales-order-paid-covering';
import { ClaimCouponsBatch1795490000000 } from './1795490000000-claim-coupons-batch';

/** Every migration, in order. The migration generator rewrites this list. */
export const MIGRATIONS = [Init1795426683162, MemberPortrait1795436941741, Appointments1795440030835, BookingMemberOverlap1795444196962, Loyalty1795447742469, TierBookingDaysFromLoyalty1795453281231, Coupons1795457307913, Campaigns1795462000000, AdvisorService1795470000000, SalesOrderPaidCovering1795480000000, ClaimCouponsBatch1795490000000];
