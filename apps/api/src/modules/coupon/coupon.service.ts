import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type ClaimCenterItem,
  type CouponAtTill,
  type CouponOption,
  type CouponQuote,
  type CouponQuoteDto,
  type CouponSource,
  type CouponWalletTab,
  ErrorCode,
  type MemberCouponView,
  type WalletCounts,
} from '@glow/contracts';
import { applyCoupons, bestCoupons, type CartLine, COUPON_CODE_RANDOM_BYTES, couponRefusalAt, couponValidity, evaluateCoupon, toCouponCode } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { storeScopeOf, type StaffPrincipal } from '../../platform/auth/principal';
import { CatalogService } from '../catalog/catalog.service';
import { COUPON_SELECT, type CouponRow, couponView, faceOf, type FaceNames, reviveCoupon, reviveTemplate, type TemplateRow, walletCoupon } from './coupon-rows';
import { CouponClaimBatcher } from './coupon-claim-batcher';
import { CouponTemplateService } from './coupon-template.service';
import { CouponException } from './coupon.exception';
import { uniqueViolation } from '../../platform/database/unique-violation';

/** A line of an order as the coupon rules see it, with its catalog data. */
export type PricedLine = CartLine & { productId: string | null; name: string };

/** What applying coupons to an order's lines gave: per-line amounts after coupons, and the coupons' shares. */
export interface AppliedCoupons {
  couponIds: string[];
  discountFen: number;
  paidFen: number[];
  perCoupon: { id: string; discountFen: number }[];
  gifts: string[];
}

export interface IssueInput {
  templateCode: string;
  memberId: string;
  /** Idempotency: the same key never issues twice (e.g. `redemption:{id}`, `birthday:{member}:{year}`). */
  key: string;
  source: Exclude<CouponSource, 'claim'>;
  reason?: string | null;
  issuedBy?: string | null;
}

/**
 * Member coupons: claim, issue, wallet, pricing and every status change. Claim and issuance take stock with one
 * conditional update of the template and the per-member limit with one conditional upsert, in one transaction; use,
 * hold, release, return, expire and revoke are compare-and-set updates on the coupon's status.
 */
@Injectable()
export class CouponService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
    private readonly templates: CouponTemplateService,
    private readonly claimBatcher: CouponClaimBatcher,
  ) {}

  // --- claim center ---

  /** A template's code, name and one-line face (e.g. `¥30 满¥200可用`) for cards in chat; null when unknown. */
  async templateCard(templateId: string): Promise<{ code: string; name: string; summary: string; status: string; claimable: boolean } | null> {
    const [raw] = await this.db.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE id = $1`, [templateId]);
    if (!raw) return null;
    const t = reviveTemplate(raw);
    const face = faceOf(t, await this.templates.names([t.gift_sku]));
    return { code: t.code, name: t.name, summary: `${face.headline} ${face.condition}`.trim(), status: t.status, claimable: t.claimable };
  }

  async claimCenter(memberId: string): Promise<ClaimCenterItem[]> {
    const rows = await this.db.query<(TemplateRow & { claimed_by_me: number })[]>(
      `SELECT t.*, COALESCE(n.claimed, 0)::int AS claimed_by_me FROM coupon_template t
         LEFT JOIN coupon_claim_count n ON n.template_id = t.id AND n.member_id = $1
        WHERE t.status = 'active' AND t.claimable AND (t.validity_kind = 'relative' OR t.valid_until > now())
        ORDER BY t.published_at DESC NULLS LAST, t.created_at DESC LIMIT 100`,
      [memberId],
    );
    const names = await this.templates.names(rows.map((r) => r.gift_sku));
    return rows.map((raw) => {
      const t = reviveTemplate(raw);
      return {
        templateId: t.id,
        name: t.name,
        kind: t.kind,
        description: t.description,
        face: faceOf(t, names),
        remaining: t.remaining,
        claimedByMe: raw.claimed_by_me,
        perMemberLimit: t.per_member_limit,
        state: raw.claimed_by_me >= t.per_member_limit ? 'claimed' : t.remaining === 0 ? 'sold_out' : 'claimable',
      };
    });
  }

  /**
   * Claims one coupon in one statement, shared with the claims that arrived at the same moment: the member's count by
   * a conditional upsert, the coupon row, and last the template's stock by a conditional update; a refused claim
   * leaves nothing behind. The template's rules come from a short-lived cache (the statement re-checks status, stock
   * and limit), so a claim is one round trip. A retried idempotency key answers the coupon it already claimed.
   */
  async claim(memberId: string, templateId: string, key: string): Promise<{ view: MemberCouponView; created: boolean }> {
    const issueKey = `claim:${memberId}:${key}`;
    const t = await this.templates.cached(templateId);
    if (!t) throw new CouponException(ErrorCode.CouponTemplateNotFound);
    const now = new Date();
    if (t.status !== 'active' || !t.claimable || (t.validity_kind === 'fixed' && t.valid_until && t.valid_until <= now)) {
      throw new CouponException(ErrorCode.CouponNotClaimable);
    }
    const validity = couponValidity({ kind: t.validity_kind, from: t.valid_from, until: t.valid_until, days: t.valid_days }, now);
    const code = toCouponCode(randomBytes(COUPON_CODE_RANDOM_BYTES));
    // `claim_coupons` (migration "claim-coupons-batch"), with the claims that arrived together: counts the claim against
    // the member's limit, writes the coupon and takes the stock last, or answers why not (and leaves nothing behind).
    // The limit comes from the cached template; it cannot change once the template is live, and the statement checks it.
    const result = await this.claimBatcher.claim({
      templateId: t.id,
      memberId,
      perMemberLimit: t.per_member_limit,
      code,
      issueKey,
      validFrom: validity.validFrom,
      validUntil: validity.validUntil,
    });
    if ('refusal' in result) {
      // Refusals: one read answers precisely (a retried key answers its coupon; otherwise limit, sold out or closed).
      const [state] = await this.db.query<{ seen: string | null; status: string; claimable: boolean; remaining: number | null; claimed: number | null; per_member_limit: number }[]>(
        `SELECT (SELECT c.id FROM member_coupon c WHERE c.issue_key = $3) AS seen, t.status, t.claimable, t.remaining, t.per_member_limit, n.claimed
           FROM coupon_template t LEFT JOIN coupon_claim_count n ON n.template_id = t.id AND n.member_id = $2 WHERE t.id = $1`,
        [t.id, memberId, issueKey],
      );
      if (state?.seen) return { view: await this.viewOf(state.seen), created: false };
      if (result.refusal === 'limit' || (state && (state.claimed ?? 0) >= state.per_member_limit)) throw new CouponException(ErrorCode.CouponLimitReached);
      if (state?.status === 'active' && state.claimable && state.remaining === 0) throw new CouponException(ErrorCode.CouponSoldOut);
      throw new CouponException(ErrorCode.CouponNotClaimable);
    }
    const names = t.gift_sku ? await this.templates.names([t.gift_sku]) : new Map<string, string>();
    const row: CouponRow = {
      id: result.couponId,
      template_id: t.id,
      member_id: memberId,
      code,
      status: 'available',
      source: 'claim',
      issue_key: issueKey,
      valid_from: validity.validFrom,
      valid_until: validity.validUntil,
      order_id: null,
      discount_fen: null,
      used_at: null,
      created_at: result.createdAt,
      template: t,
    };
    return { view: couponView(row, names), created: true };
  }

  // --- issuance (campaigns, tiers, the points mall, compensation) ---

  /**
   * Issues a coupon of an active template to a member, idempotently by `key`: a retried job or request gets the same
   * coupon and never a second one. Takes stock when the template has a limit. Pass the caller's transaction manager
   * so the coupon exists exactly when the caller's change does (e.g. a points redemption).
   */
  async issue(input: IssueInput, manager?: EntityManager): Promise<{ couponId: string; created: boolean }> {
    const run = async (tx: EntityManager) => {
      const [seen] = await tx.query<{ id: string; member_id: string; code: string }[]>(
        `SELECT c.id, c.member_id, t.code FROM member_coupon c JOIN coupon_template t ON t.id = c.template_id WHERE c.issue_key = $1`,
        [input.key],
      );
      if (seen) {
        if (seen.member_id !== input.memberId || seen.code !== input.templateCode) throw new CouponException(ErrorCode.IdempotencyConflict);
        return { couponId: seen.id, created: false };
      }
      const [raw] = await tx.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE code = $1`, [input.templateCode]);
      if (!raw) throw new CouponException(ErrorCode.CouponTemplateNotFound);
      const t = reviveTemplate(raw);
      const now = new Date();
      if (t.status !== 'active' || (t.validity_kind === 'fixed' && t.valid_until && t.valid_until <= now)) {
        throw new CouponException(ErrorCode.CouponNotClaimable, 'not issuing', { message: '该优惠券未在发放中' });
      }
      const validity = couponValidity({ kind: t.validity_kind, from: t.valid_from, until: t.valid_until, days: t.valid_days }, now);
      const couponId = await this.insertCoupon(tx, {
        templateId: t.id,
        memberId: input.memberId,
        source: input.source,
        issueKey: input.key,
        reason: input.reason ?? null,
        issuedBy: input.issuedBy ?? null,
        ...validity,
      });
      if (t.total_stock !== null) {
        const [taken] = await tx.query<{ remaining: number }[][]>(
          `UPDATE coupon_template SET remaining = remaining - 1 WHERE id = $1 AND status = 'active' AND remaining > 0 RETURNING remaining`,
          [t.id],
        );
        if (taken.length === 0) throw new CouponException(ErrorCode.CouponSoldOut);
      }
      return { couponId, created: true };
    };
    if (manager) return run(manager);
    try {
      return await this.db.transaction(run);
    } catch (e) {
      if (uniqueViolation(e) === 'uq_member_coupon_issue_key') return this.db.transaction(run);
      throw e;
    }
  }

  /**
   * Issues one coupon of a template to each of many members in the caller's transaction (campaign fan-out), set-based:
   * keys already issued are left as they are and reported with their coupon, stock is taken under the template's row
   * lock for the new ones only (members beyond the stock get none), and the inserts are one statement. Returns the
   * coupon of every key that has one, and the coupon's face for messages; `refused` when the template is not issuing.
   */
  async issueBatch(
    input: { templateCode: string; items: { memberId: string; key: string }[]; source: Exclude<CouponSource, 'claim'>; now?: Date },
    tx: EntityManager,
  ): Promise<{ refused: boolean; coupons: Map<string, { couponId: string; validUntil: Date }>; name: string; /** e.g. `¥30 满¥200可用` */ headline: string }> {
    const coupons = new Map<string, { couponId: string; validUntil: Date }>();
    const [raw] = await tx.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE code = $1 FOR UPDATE`, [input.templateCode]);
    if (!raw) return { refused: true, coupons, name: '', headline: '' };
    const t = reviveTemplate(raw);
    const now = input.now ?? new Date();
    const f = faceOf(t, new Map());
    const face = { headline: `${f.headline} ${f.condition}` };
    const keys = input.items.map((i) => i.key);
    const existing = await tx.query<{ id: string; issue_key: string; valid_until: Date }[]>(
      `SELECT id, issue_key, valid_until FROM member_coupon WHERE issue_key = ANY($1::text[])`,
      [keys],
    );
    for (const e of existing) coupons.set(e.issue_key, { couponId: e.id, validUntil: new Date(e.valid_until) });
    if (t.status !== 'active' || (t.validity_kind === 'fixed' && t.valid_until && t.valid_until <= now)) {
      return { refused: true, coupons, name: t.name, headline: face.headline };
    }
    let fresh = input.items.filter((i) => !coupons.has(i.key));
    if (t.total_stock !== null) fresh = fresh.slice(0, Math.max(0, t.remaining ?? 0));
    if (fresh.length === 0) return { refused: false, coupons, name: t.name, headline: face.headline };
    const validity = couponValidity({ kind: t.validity_kind, from: t.valid_from, until: t.valid_until, days: t.valid_days }, now);
    const rows = await tx.query<{ id: string; issue_key: string }[]>(
      `INSERT INTO member_coupon (template_id, member_id, code, source, issue_key, valid_from, valid_until)
       SELECT $1, u.member_id, u.code, $5, u.key, $6, $7 FROM unnest($2::uuid[], $3::text[], $4::text[]) AS u(member_id, code, key)
       ON CONFLICT (issue_key) DO NOTHING RETURNING id, issue_key`,
      [
        t.id,
        fresh.map((i) => i.memberId),
        fresh.map(() => toCouponCode(randomBytes(COUPON_CODE_RANDOM_BYTES))),
        fresh.map((i) => i.key),
        input.source,
        validity.validFrom,
        validity.validUntil,
      ],
    );
    for (const r of rows) coupons.set(r.issue_key, { couponId: r.id, validUntil: validity.validUntil });
    if (t.total_stock !== null && rows.length > 0) {
      await tx.query(`UPDATE coupon_template SET remaining = remaining - $2 WHERE id = $1`, [t.id, rows.length]);
    }
    return { refused: false, coupons, name: t.name, headline: face.headline };
  }

  /** Staff issue a compensation or goodwill coupon to a member they may see. */
  async issueByStaff(who: StaffPrincipal, memberId: string, input: Omit<IssueInput, 'memberId' | 'issuedBy'>): Promise<{ view: MemberCouponView; created: boolean }> {
    const { couponId, created } = await this.issue({ ...input, memberId, issuedBy: who.role === 'admin' ? null : who.staffId, key: `staff:${input.key}` });
    return { view: await this.viewOf(couponId), created };
  }

  /** For staff reading a member's coupons by id: an id that names nobody is a 404, not an empty list. */
  async assertMember(memberId: string): Promise<void> {
    const [member] = await this.db.query<unknown[]>(`SELECT 1 FROM member WHERE id = $1`, [memberId]);
    if (!member) throw new CouponException(ErrorCode.MemberNotFound);
  }

  async templateExists(code: string): Promise<boolean> {
    const [row] = await this.db.query<unknown[]>(`SELECT 1 FROM coupon_template WHERE code = $1 AND status <> 'ended'`, [code]);
    return row !== undefined;
  }

  // --- wallet ---

  async wallet(memberId: string, tab: CouponWalletTab = 'available'): Promise<MemberCouponView[]> {
    const where = {
      available: `c.status IN ('available', 'held') AND c.valid_until > now()`,
      used: `c.status = 'used'`,
      expired: `(c.status IN ('expired', 'revoked') OR (c.status = 'available' AND c.valid_until <= now()))`,
    }[tab];
    const order = tab === 'available' ? 'c.valid_until ASC' : 'c.updated_at DESC';
    const rows = await this.db.query<CouponRow[]>(`${COUPON_SELECT} WHERE c.member_id = $1 AND ${where} ORDER BY ${order} LIMIT 200`, [memberId]);
    return this.views(rows);
  }

  async counts(memberId: string): Promise<WalletCounts> {
    const [row] = await this.db.query<WalletCounts[]>(
      `SELECT COUNT(*) FILTER (WHERE status IN ('available', 'held') AND valid_until > now())::int AS available,
              COUNT(*) FILTER (WHERE status = 'used')::int AS used,
              COUNT(*) FILTER (WHERE status IN ('expired', 'revoked') OR (status = 'available' AND valid_until <= now()))::int AS expired
         FROM member_coupon WHERE member_id = $1`,
      [memberId],
    );
    return row;
  }

  async mine(memberId: string, id: string): Promise<MemberCouponView> {
    const [row] = await this.db.query<CouponRow[]>(`${COUPON_SELECT} WHERE c.id = $1 AND c.member_id = $2`, [id, memberId]);
    if (!row) throw new CouponException(ErrorCode.CouponNotFound);
    return (await this.views([row]))[0];
  }

  /** Every coupon of a member, newest first (the till, the member page, the portrait and the export). */
  async ofMember(memberId: string): Promise<MemberCouponView[]> {
    const rows = await this.db.query<CouponRow[]>(`${COUPON_SELECT} WHERE c.member_id = $1 ORDER BY c.created_at DESC LIMIT 200`, [memberId]);
    return this.views(rows);
  }

  // --- pricing ---

  /** The member's coupons against a cart: each one's outcome, the best combination, and the chosen one applied. */
  async quote(memberId: string, dto: CouponQuoteDto): Promise<CouponQuote> {
    const lines = await this.pricedLines(dto.items);
    const rows = await this.db.query<CouponRow[]>(
      `${COUPON_SELECT} WHERE c.member_id = $1 AND c.status = 'available' AND c.valid_until > now() ORDER BY c.valid_until LIMIT 100`,
      [memberId],
    );
    const now = new Date();
    const coupons = rows.map(reviveCoupon);
    const wallet = coupons.map(walletCoupon);
    const views = await this.views(coupons);
    const options: CouponOption[] = coupons.map((c, i) => {
      const outcome = evaluateCoupon(wallet[i], lines, now);
      return outcome.ok
        ? { coupon: views[i], outcome: 'ok', message: '可用', discountFen: outcome.discountFen }
        : { coupon: views[i], outcome: outcome.reason, message: outcome.message, discountFen: 0 };
    });
    const best = bestCoupons(wallet, lines, now);
    const chosen = dto.couponIds ?? best.couponIds;
    const byId = new Map(wallet.map((w) => [w.id, w]));
    const picked = chosen.map((id) => byId.get(id));
    if (picked.some((p) => !p)) throw new CouponException(ErrorCode.CouponNotFound);
    const applied = this.applied(picked as NonNullable<(typeof picked)[number]>[], lines, now);
    const subtotalFen = lines.reduce((s, l) => s + l.unitPriceFen * l.quantity, 0);
    const giftNames = await this.templates.names(applied.gifts);
    return {
      subtotalFen,
      options,
      bestCouponIds: best.couponIds,
      applied: {
        couponIds: applied.couponIds,
        discountFen: applied.discountFen,
        totalFen: subtotalFen - applied.discountFen,
        lines: lines.map((l, i) => ({ sku: l.sku, quantity: l.quantity, paidFen: applied.paidFen[i] })),
        gifts: applied.gifts.map((sku) => ({ sku, name: giftNames.get(sku) ?? sku })),
      },
    };
  }

  /** Cart items priced from the catalog (active products only). */
  async pricedLines(items: { sku: string; quantity: number; unitPriceFen?: number }[]): Promise<PricedLine[]> {
    const products = await this.catalog.bySkus(items.map((i) => i.sku));
    const unknown = [...new Set(items.filter((i) => !products.has(i.sku)).map((i) => i.sku))];
    if (unknown.length > 0) throw new CouponException(ErrorCode.OrderSkuUnknown, unknown.join(','), { message: `商品编码不存在或已下架：${unknown.join('、')}` });
    return items.map((i) => {
      const p = products.get(i.sku) as NonNullable<ReturnType<typeof products.get>>;
      return { sku: p.sku, category: p.category, unitPriceFen: i.unitPriceFen ?? p.priceFen, quantity: i.quantity, productId: p.id, name: p.name };
    });
  }

  // --- orders (called by the order module inside its transaction) ---

  /**
   * Locks the named coupons of the member and applies them to the lines; any coupon that is not the member's,
   * not available, or not applicable refuses the whole order with the reason in Chinese.
   */
  async lockAndApply(tx: EntityManager, memberId: string, ref: { codes?: string[]; ids?: string[] }, lines: CartLine[]): Promise<AppliedCoupons> {
    const wanted = [...new Set(ref.codes ?? ref.ids ?? [])];
    if (wanted.length === 0) return { couponIds: [], discountFen: 0, paidFen: lines.map((l) => l.unitPriceFen * l.quantity), perCoupon: [], gifts: [] };
    const column = ref.codes ? 'c.code' : 'c.id';
    const locked = (await tx.query<CouponRow[]>(`${COUPON_SELECT} WHERE ${column} = ANY($1) ORDER BY c.id FOR UPDATE OF c`, [wanted])).map(reviveCoupon);
    const keyOf = (r: CouponRow) => (ref.codes ? r.code : r.id);
    const rows = wanted.map((w) => locked.find((r) => keyOf(r) === w)).filter((r): r is CouponRow => r !== undefined);
    const missing = wanted.filter((w) => !locked.some((r) => keyOf(r) === w));
    if (missing.length > 0) throw new CouponException(ErrorCode.CouponNotFound, missing.join(','));
    const foreign = rows.find((r) => r.member_id !== memberId);
    if (foreign) throw new CouponException(ErrorCode.CouponNotFound, foreign.code, { message: `优惠券 ${foreign.code} 不属于该会员` });
    return this.applied(rows.map(walletCoupon), lines, new Date());
  }

  /** Marks applied coupons used on a paid order (the till). */
  async useOnOrder(tx: EntityManager, applied: AppliedCoupons, orderId: string, at: { storeId: string | null; staffId: string | null }): Promise<void> {
    for (const p of applied.perCoupon) {
      const [rows] = await tx.query<unknown[][]>(
        `UPDATE member_coupon SET status = 'used', order_id = $2, discount_fen = $3, used_at = now(), used_store_id = $4, used_by = $5, updated_at = now()
          WHERE id = $1 AND status = 'available' RETURNING id`,
        [p.id, orderId, p.discountFen, at.storeId, at.staffId],
      );
      if (rows.length === 0) throw new CouponException(ErrorCode.CouponStateInvalid);
    }
  }

  /** Holds applied coupons for an online order awaiting payment. */
  async holdForOrder(tx: EntityManager, applied: AppliedCoupons, orderId: string): Promise<void> {
    for (const p of applied.perCoupon) {
      const [rows] = await tx.query<unknown[][]>(
        `UPDATE member_coupon SET status = 'held', order_id = $2, discount_fen = $3, held_at = now(), updated_at = now()
          WHERE id = $1 AND status = 'available' RETURNING id`,
        [p.id, orderId, p.discountFen],
      );
      if (rows.length === 0) throw new CouponException(ErrorCode.CouponStateInvalid);
    }
  }

  /** Payment succeeded: the order's held coupons are used. */
  async consumeHeld(tx: EntityManager, orderId: string): Promise<number> {
    const [rows] = await tx.query<unknown[][]>(
      `UPDATE member_coupon SET status = 'used', used_at = now(), updated_at = now() WHERE order_id = $1 AND status = 'held' RETURNING id`,
      [orderId],
    );
    return rows.length;
  }

  /** The order was cancelled or timed out: its held coupons go back (or expire if their time ran out meanwhile). */
  async releaseHeld(tx: EntityManager, orderId: string): Promise<number> {
    const [rows] = await tx.query<unknown[][]>(
      `UPDATE member_coupon SET status = CASE WHEN valid_until > now() THEN 'available' ELSE 'expired' END,
              expired_at = CASE WHEN valid_until > now() THEN NULL ELSE now() END,
              order_id = NULL, discount_fen = NULL, held_at = NULL, updated_at = now()
        WHERE order_id = $1 AND status = 'held' RETURNING id`,
      [orderId],
    );
    return rows.length;
  }

  /** The order was refunded in full: coupons still valid go back to the member; expired ones stay used. */
  async returnForRefund(tx: EntityManager, orderId: string): Promise<number> {
    const [rows] = await tx.query<unknown[][]>(
      `UPDATE member_coupon SET status = 'available', order_id = NULL, discount_fen = NULL, used_at = NULL, used_store_id = NULL, used_by = NULL,
              returned_count = returned_count + 1, updated_at = now()
        WHERE order_id = $1 AND status = 'used' AND valid_until > now() RETURNING id`,
      [orderId],
    );
    return rows.length;
  }

  /** The coupons held for or used on these orders, for order views. */
  async forOrders(orderIds: string[], manager: EntityManager = this.db.manager): Promise<Map<string, { id: string; code: string; name: string; kind: CouponRow['template']['kind']; discountFen: number }[]>> {
    const out = new Map<string, { id: string; code: string; name: string; kind: CouponRow['template']['kind']; discountFen: number }[]>();
    if (orderIds.length === 0) return out;
    const rows = await manager.query<{ order_id: string; id: string; code: string; name: string; kind: CouponRow['template']['kind']; discount_fen: number | null }[]>(
      `SELECT c.order_id, c.id, c.code, t.name, t.kind, c.discount_fen FROM member_coupon c JOIN coupon_template t ON t.id = c.template_id
        WHERE c.order_id = ANY($1) AND c.status IN ('held', 'used') ORDER BY c.held_at NULLS LAST, c.used_at`,
      [orderIds],
    );
    for (const r of rows) out.set(r.order_id, [...(out.get(r.order_id) ?? []), { id: r.id, code: r.code, name: r.name, kind: r.kind, discountFen: r.discount_fen ?? 0 }]);
    return out;
  }

  // --- staff at the till ---

  async resolve(code: string): Promise<CouponAtTill> {
    const [row] = await this.db.query<(CouponRow & { member_no: string; member_name: string | null; nickname: string | null })[]>(
      `SELECT x.*, m.member_no, m.name AS member_name, m.nickname FROM (${COUPON_SELECT} WHERE c.code = $1) x JOIN member m ON m.id = x.member_id WHERE m.deleted_at IS NULL`,
      [code.toUpperCase()],
    );
    if (!row) throw new CouponException(ErrorCode.CouponNotFound);
    const [view] = await this.views([row]);
    return { coupon: view, member: { id: row.member_id, memberNo: row.member_no, name: row.member_name, nickname: row.nickname } };
  }

  /** A gift or service coupon used in store without a purchase (the gift handed over, the service performed). */
  async redeemInStore(who: StaffPrincipal, code: string, storeId: string | null): Promise<MemberCouponView> {
    const scope = storeScopeOf(who);
    if (scope && storeId && storeId !== scope) throw new CouponException(ErrorCode.OutOfScope);
    const at = scope ?? storeId ?? null;
    const id = await this.db.transaction(async (tx) => {
      const [raw] = await tx.query<CouponRow[]>(`${COUPON_SELECT} WHERE c.code = $1 FOR UPDATE OF c`, [code.toUpperCase()]);
      if (!raw) throw new CouponException(ErrorCode.CouponNotFound);
      const row = reviveCoupon(raw);
      if (row.template.kind !== 'gift' && row.template.kind !== 'service') {
        throw new CouponException(ErrorCode.CouponNotApplicable, 'money coupon', { message: '满减券和折扣券请在门店收银时随消费使用' });
      }
      // Only the coupon's own conditions apply (status, validity, days and hours): there is no cart to check.
      const refusal = couponRefusalAt(walletCoupon(row), new Date());
      if (refusal) throw new CouponException(ErrorCode.CouponNotApplicable, refusal.reason, { message: refusal.message });
      const [rows] = await tx.query<unknown[][]>(
        `UPDATE member_coupon SET status = 'used', used_at = now(), used_store_id = $2, used_by = $3, discount_fen = 0, updated_at = now()
          WHERE id = $1 AND status = 'available' RETURNING id`,
        [row.id, at, who.role === 'admin' ? null : who.staffId],
      );
      if (rows.length === 0) throw new CouponException(ErrorCode.CouponStateInvalid);
      return row.id;
    });
    return this.viewOf(id);
  }

  async revoke(id: string, reason: string): Promise<MemberCouponView> {
    const [rows] = await this.db.query<unknown[][]>(
      `UPDATE member_coupon SET status = 'revoked', revoked_at = now(), revoke_reason = $2, updated_at = now() WHERE id = $1 AND status = 'available' RETURNING id`,
      [id, reason],
    );
    if (rows.length === 0) {
      const [exists] = await this.db.query<unknown[]>(`SELECT 1 FROM member_coupon WHERE id = $1`, [id]);
      throw new CouponException(exists ? ErrorCode.CouponStateInvalid : ErrorCode.CouponNotFound);
    }
    return this.viewOf(id);
  }

  /** Revokes a coupon still unused, inside the caller's transaction (e.g. a cancelled points redemption). */
  async revokeByKey(tx: EntityManager, key: string, reason: string): Promise<'revoked' | 'absent' | 'in-use'> {
    const [row] = await tx.query<{ id: string; status: string }[]>(`SELECT id, status FROM member_coupon WHERE issue_key = $1 FOR UPDATE`, [key]);
    if (!row) return 'absent';
    if (row.status === 'revoked' || row.status === 'expired') return 'revoked';
    if (row.status !== 'available') return 'in-use';
    await tx.query(`UPDATE member_coupon SET status = 'revoked', revoked_at = now(), revoke_reason = $2, updated_at = now() WHERE id = $1`, [row.id, reason]);
    return 'revoked';
  }

  // --- jobs ---

  /** Expires available coupons whose validity ended, in batches. */
  async expireDue(batch = 5000): Promise<number> {
    let total = 0;
    for (;;) {
      const [rows] = await this.db.query<unknown[][]>(
        `UPDATE member_coupon SET status = 'expired', expired_at = now(), updated_at = now()
          WHERE id IN (SELECT id FROM member_coupon WHERE status = 'available' AND valid_until <= now() LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING id`,
        [batch],
      );
      total += rows.length;
      if (rows.length < batch) return total;
    }
  }

  /** Claims coupons to remind about (each once) and answers them with the member's newest openid. */
  async claimExpiryReminders(withinDays: number, limit = 1000): Promise<{ memberId: string; openid: string | null; name: string; validUntil: Date; code: string }[]> {
    const rows = await this.db.query<{ member_id: string; openid: string | null; name: string; valid_until: Date; code: string }[]>(
      `WITH claimed AS (
         UPDATE member_coupon SET expiry_reminded_at = now()
          WHERE id IN (SELECT id FROM member_coupon WHERE status = 'available' AND expiry_reminded_at IS NULL
                          AND valid_until > now() AND valid_until <= now() + make_interval(days => $1) LIMIT $2 FOR UPDATE SKIP LOCKED)
          RETURNING member_id, template_id, valid_until, code)
       SELECT c.member_id, t.name, c.valid_until, c.code,
              (SELECT w.openid FROM member_wechat w WHERE w.member_id = c.member_id ORDER BY w.last_login_at DESC NULLS LAST LIMIT 1) AS openid
         FROM claimed c JOIN coupon_template t ON t.id = c.template_id`,
      [withinDays, limit],
    );
    return rows.map((r) => ({ memberId: r.member_id, openid: r.openid, name: r.name, validUntil: new Date(r.valid_until), code: r.code }));
  }

  // --- privacy ---

  /** Account deletion: unused coupons are revoked (they are worth something only to the member). */
  async revokeAllOf(tx: EntityManager, memberId: string): Promise<void> {
    await tx.query(
      `UPDATE member_coupon SET status = 'revoked', revoked_at = now(), revoke_reason = '会员注销', updated_at = now() WHERE member_id = $1 AND status = 'available'`,
      [memberId],
    );
  }

  // --- helpers ---

  async viewOf(id: string): Promise<MemberCouponView> {
    const [row] = await this.db.query<CouponRow[]>(`${COUPON_SELECT} WHERE c.id = $1`, [id]);
    if (!row) throw new CouponException(ErrorCode.CouponNotFound);
    return (await this.views([row]))[0];
  }

  private async views(rows: CouponRow[]): Promise<MemberCouponView[]> {
    const revived = rows.map(reviveCoupon);
    const names: FaceNames = await this.templates.names(revived.map((r) => r.template.gift_sku));
    const now = new Date();
    return revived.map((r) => couponView(r, names, now));
  }

  private applied(coupons: ReturnType<typeof walletCoupon>[], lines: CartLine[], now: Date): AppliedCoupons {
    const result = applyCoupons(coupons, lines, now);
    if (!result.ok) throw new CouponException(ErrorCode.CouponNotApplicable, result.reason, { message: result.message, body: { couponId: result.couponId, reason: result.reason } });
    return { couponIds: coupons.map((c) => c.id), discountFen: result.discountFen, paidFen: result.paidFen, perCoupon: result.perCoupon, gifts: result.gifts };
  }

  private async byKey(key: string): Promise<string | null> {
    const [row] = await this.db.query<{ id: string }[]>(`SELECT id FROM member_coupon WHERE issue_key = $1`, [key]);
    return row?.id ?? null;
  }

  private async insertCoupon(
    tx: EntityManager,
    c: { templateId: string; memberId: string; source: CouponSource; issueKey: string; reason: string | null; issuedBy: string | null; validFrom: Date; validUntil: Date },
  ): Promise<string> {
    // Crypto-random bytes → 12 characters of a 31-symbol alphabet (about 59 bits): a clash fails the unique index, never silently.
    const [row] = await tx.query<{ id: string }[]>(
      `INSERT INTO member_coupon (template_id, member_id, code, source, issue_key, reason, issued_by, valid_from, valid_until)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
      [c.templateId, c.memberId, toCouponCode(randomBytes(COUPON_CODE_RANDOM_BYTES)), c.source, c.issueKey, c.reason, c.issuedBy, c.validFrom, c.validUntil],
    );
    return row.id;
  }
}

