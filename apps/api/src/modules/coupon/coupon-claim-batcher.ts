import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** One member's claim, as `claim_coupons` takes it. */
export interface ClaimRequest {
  templateId: string;
  memberId: string;
  perMemberLimit: number;
  code: string;
  issueKey: string;
  validFrom: Date;
  validUntil: Date;
}

export type ClaimRefusal = 'limit' | 'stock' | 'duplicate' | 'closed';
export type ClaimResult = { couponId: string; createdAt: Date } | { refusal: ClaimRefusal };

/** At most this many claims share one statement; more wait for the next one. */
const MAX_BATCH = 64;

interface Waiting {
  request: ClaimRequest;
  resolve: (result: ClaimResult) => void;
  reject: (error: unknown) => void;
}

/**
 * Sends the claims that arrive together (within one turn of the event loop) to PostgreSQL as one `claim_coupons`
 * statement. In a claim rush each claim would otherwise cost a round trip and a turn on the template's stock row; here
 * they share both, and each still gets its own answer. A lone claim goes out at once, on its own. Sorted by template
 * and member, so every batch takes its locks in the same order (see migration `claim-coupons-batch`).
 */
@Injectable()
export class CouponClaimBatcher {
  private waiting: Waiting[] = [];
  private scheduled = false;

  constructor(@InjectDataSource() private readonly db: DataSource) {}

  claim(request: ClaimRequest): Promise<ClaimResult> {
    return new Promise<ClaimResult>((resolve, reject) => {
      this.waiting.push({ request, resolve, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.waiting.splice(0, MAX_BATCH);
    this.scheduled = this.waiting.length > 0;
    if (this.scheduled) setImmediate(() => this.flush());
    batch.sort((a, b) => compare(a.request.templateId, b.request.templateId) || compare(a.request.memberId, b.request.memberId));
    const column = <T>(pick: (r: ClaimRequest) => T) => batch.map((w) => pick(w.request));
    this.db
      .query<{ i: number; coupon_id: string | null; coupon_created_at: Date | null; refusal: ClaimRefusal | null }[]>(
        `SELECT * FROM claim_coupons($1::uuid[], $2::uuid[], $3::int[], $4::varchar[], $5::varchar[], $6::timestamptz[], $7::timestamptz[])`,
        [
          column((r) => r.templateId),
          column((r) => r.memberId),
          column((r) => r.perMemberLimit),
          column((r) => r.code),
          column((r) => r.issueKey),
          column((r) => r.validFrom),
          column((r) => r.validUntil),
        ],
      )
      .then(
        (rows) => {
          for (const row of rows) {
            const w = batch[row.i - 1];
            if (row.coupon_id && row.coupon_created_at) w.resolve({ couponId: row.coupon_id, createdAt: row.coupon_created_at });
            else w.resolve({ refusal: row.refusal ?? 'closed' });
          }
        },
        (error: unknown) => {
          for (const w of batch) w.reject(error);
        },
      );
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
