import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataRegistry } from '../member/member-data.registry';
import { CouponService } from './coupon.service';

/**
 * Coupons on the member portrait and in the member's export. At account deletion unused coupons are revoked; used
 * ones stay, since they belong to orders (the store's accounting records).
 */
@Injectable()
export class CouponDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    private readonly coupons: CouponService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'coupons',
      portrait: async (memberId) => (await this.coupons.ofMember(memberId)).slice(0, 20),
      export: (memberId) => this.coupons.ofMember(memberId),
      erase: (memberId, tx) => this.coupons.revokeAllOf(tx, memberId),
    });
  }
}
