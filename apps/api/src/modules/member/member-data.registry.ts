import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/**
 * What another module keeps about a member. Modules that hold personal data register here at start, so the member
 * module can build the staff portrait, the member's data export and the account deletion without importing them
 * (the module graph only points the other way).
 */
export interface MemberDataContributor {
  /** Key of the section in the portrait and the export, e.g. `skin`. */
  section: string;
  /** The section of the staff portrait; undefined leaves it out. Called after the read was audited. */
  portrait?(memberId: string): Promise<unknown>;
  /** Everything this module holds about the member, for the PIPL export. */
  export(memberId: string): Promise<unknown>;
  /** Erases or anonymises the module's personal data inside the deletion transaction; ledgers stay balanced. */
  erase(memberId: string, tx: EntityManager): Promise<void>;
}

@Injectable()
export class MemberDataRegistry {
  private readonly contributors: MemberDataContributor[] = [];

  register(contributor: MemberDataContributor): void {
    if (this.contributors.some((c) => c.section === contributor.section)) throw new Error(`member data section ${contributor.section} registered twice`);
    this.contributors.push(contributor);
  }

  all(): readonly MemberDataContributor[] {
    return this.contributors;
  }
}
