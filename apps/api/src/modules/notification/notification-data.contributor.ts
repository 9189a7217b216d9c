import { Injectable, type OnModuleInit } from '@nestjs/common';
import { MemberDataRegistry } from '../member/member-data.registry';
import { NotificationService } from './notification.service';

/** Subscribe credits and messages in the member's export; erased with the account. */
@Injectable()
export class NotificationDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    private readonly notifications: NotificationService,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'notifications',
      export: (memberId) => this.notifications.exportOf(memberId),
      erase: (memberId, tx) => this.notifications.eraseOf(memberId, tx),
    });
  }
}
