import { Injectable } from '@nestjs/common';

/** What a member's standing (their tier) entitles them to, as other modules need to know it. */
export interface MemberPrivilegeSource {
  /** Extra days the member may book ahead of a service's booking window. */
  bookingExtraDays(memberId: string): Promise<number>;
}

/**
 * Member privileges without importing the module that decides them: `loyalty` provides the source at start, and
 * `appointment` (which may not import loyalty) asks here. Without a source nobody has privileges.
 */
@Injectable()
export class MemberPrivileges {
  private source: MemberPrivilegeSource | null = null;

  provide(source: MemberPrivilegeSource): void {
    if (this.source) throw new Error('member privileges provided twice');
    this.source = source;
  }

  async bookingExtraDays(memberId: string): Promise<number> {
    return this.source ? this.source.bookingExtraDays(memberId) : 0;
  }
}
