import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataRegistry } from '../member/member-data.registry';
import { OrderService } from './order.service';

/**
 * Purchases on the member portrait and in the member's export. Orders are the store's accounting records and stay at
 * account deletion; they carry no personal data beyond the link to the (anonymised) member.
 */
@Injectable()
export class OrderDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    private readonly orders: OrderService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'orders',
      portrait: async (memberId) => (await this.orders.mine(memberId)).slice(0, 10),
      export: (memberId) => this.orders.mine(memberId),
      erase: async () => undefined,
    });
  }
}
