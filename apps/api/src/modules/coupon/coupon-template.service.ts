import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  type CouponFace,
  type CouponTemplateQuery,
  type CouponTemplateStatus,
  type CouponTemplateView,
  ErrorCode,
  type Paged,
  type SaveCouponTemplateDto,
} from '@glow/contracts';
import { validateCouponTemplate } from '@glow/domain';
import { DataSource, QueryFailedError } from 'typeorm';
import { CatalogService } from '../catalog/catalog.service';
import { faceOf, type FaceNames, reviveTemplate, type TemplateRow, templateView } from './coupon-rows';
import { CouponException } from './coupon.exception';

const TEMPLATE_CACHE_MS = 5000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which status may follow which; `draft` may end without ever going live. */
const NEXT: Record<CouponTemplateStatus, CouponTemplateStatus[]> = {
  draft: ['active', 'ended'],
  active: ['paused', 'ended'],
  paused: ['active', 'ended'],
  ended: [],
};

/** Columns a live (active or paused) template may still change; anything else is locked once members hold it. */
const LIVE_EDITABLE = new Set(['name', 'description', 'total_stock', 'cost_fen', 'valid_until']);

type Columns = Omit<TemplateRow, 'id' | 'status' | 'remaining' | 'created_at' | 'updated_at'>;

/**
 * Coupon templates as marketers configure them: create as a draft, publish, pause, end. What may change depends on
 * the status (`LIVE_EDITABLE`); stock can grow or shrink but never below what was already issued.
 */
@Injectable()
export class CouponTemplateService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly catalog: CatalogService,
  ) {}

  private readonly cache = new Map<string, { row: TemplateRow; at: number }>();

  /**
   * A template's row, from a cache of a few seconds: for the claim path, whose statement re-checks status and stock
   * itself, so a stale entry can only refuse with a less precise reason or show rules a few seconds old.
   */
  async cached(id: string): Promise<TemplateRow | null> {
    const hit = this.cache.get(id);
    if (hit && Date.now() - hit.at < TEMPLATE_CACHE_MS) return hit.row;
    if (!UUID.test(id)) return null;
    const [raw] = await this.db.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE id = $1`, [id]);
    if (!raw) return null;
    const row = reviveTemplate(raw);
    if (this.cache.size > 1000) this.cache.clear();
    this.cache.set(id, { row, at: Date.now() });
    return row;
  }

  async list(q: CouponTemplateQuery): Promise<Paged<CouponTemplateView>> {
    const page = q.page ?? 1;
    const pageSize = q.pageSize ?? 20;
    const rows = await this.db.query<(TemplateRow & { total: number })[]>(
      `SELECT t.*, COUNT(*) OVER ()::int AS total FROM coupon_template t
        WHERE ($1::text IS NULL OR t.status = $1) AND ($2::text IS NULL OR t.name ILIKE '%' || $2 || '%' OR t.code ILIKE '%' || $2 || '%')
        ORDER BY CASE t.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1 WHEN 'draft' THEN 2 ELSE 3 END, t.created_at DESC
        LIMIT $3 OFFSET $4`,
      [q.status ?? null, q.q?.trim().replace(/[%_\\]/g, (c) => `\\${c}`) || null, pageSize, (page - 1) * pageSize],
    );
    return { items: await this.views(rows), total: rows[0]?.total ?? 0, page, pageSize };
  }

  async get(id: string): Promise<CouponTemplateView> {
    const [row] = await this.db.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE id = $1`, [id]);
    if (!row) throw new CouponException(ErrorCode.CouponTemplateNotFound);
    return (await this.views([row]))[0];
  }

  /** What the member will see, for the console's live preview; refuses what `create` would refuse. */
  async preview(dto: SaveCouponTemplateDto): Promise<CouponFace> {
    const columns = await this.checked(dto);
    return faceOf({ ...columns, id: '', status: 'draft', remaining: null, created_at: new Date(), updated_at: new Date() }, await this.names([columns.gift_sku]));
  }

  async create(dto: SaveCouponTemplateDto): Promise<CouponTemplateView> {
    const c = await this.checked(dto);
    try {
      const [row] = await this.db.query<{ id: string }[]>(
        `INSERT INTO coupon_template (${Object.keys(c).join(', ')}, remaining)
         VALUES (${Object.keys(c).map((_, i) => `$${i + 1}`).join(', ')}, $${Object.keys(c).length + 1}) RETURNING id`,
        [...Object.values(c), c.total_stock],
      );
      return this.get(row.id);
    } catch (e) {
      throw this.translated(e);
    }
  }

  /**
   * Saves the template. A draft changes freely; a live template only `LIVE_EDITABLE` columns (a validity may only be
   * extended), and its stock never below what was issued; an ended template not at all.
   */
  async update(id: string, dto: SaveCouponTemplateDto): Promise<CouponTemplateView> {
    const next = await this.checked(dto);
    try {
      await this.db.transaction(async (tx) => {
        const [current] = await tx.query<TemplateRow[]>(`SELECT * FROM coupon_template WHERE id = $1 FOR UPDATE`, [id]);
        if (!current) throw new CouponException(ErrorCode.CouponTemplateNotFound);
        if (current.status === 'ended') throw new CouponException(ErrorCode.CouponTemplateLocked);
        const issued = current.total_stock === null || current.remaining === null ? null : current.total_stock - current.remaining;
        if (current.status !== 'draft') {
          const changed = (Object.keys(next) as (keyof Columns)[]).filter((k) => !same(current[k], next[k]));
          const locked = changed.filter((k) => !LIVE_EDITABLE.has(k));
          if (locked.length > 0) throw new CouponException(ErrorCode.CouponTemplateLocked, locked.join(','));
          if (changed.includes('valid_until') && (current.valid_until === null || next.valid_until === null || next.valid_until < current.valid_until)) {
            throw new CouponException(ErrorCode.CouponTemplateLocked, 'validity shortened', { message: '已发布的优惠券只能延长有效期，不能缩短' });
          }
          if ((current.total_stock === null) !== (next.total_stock === null)) {
            throw new CouponException(ErrorCode.CouponTemplateLocked, 'stock kind', { message: '已发布的优惠券不能在限量与不限量之间切换' });
          }
        }
        if (issued !== null && next.total_stock !== null && next.total_stock < issued) {
          throw invalid([{ field: 'totalStock', problem: `已发放 ${issued} 张，总库存不能少于已发放数量` }]);
        }
        const keys = Object.keys(next) as (keyof Columns)[];
        await tx.query(
          `UPDATE coupon_template SET ${keys.map((k, i) => `${k} = $${i + 2}`).join(', ')},
                  remaining = CASE WHEN $${keys.length + 2}::int IS NULL THEN NULL ELSE $${keys.length + 2}::int - $${keys.length + 3}::int END,
                  updated_at = now()
            WHERE id = $1`,
          [id, ...keys.map((k) => next[k]), next.total_stock, issued ?? 0],
        );
      });
    } catch (e) {
      throw this.translated(e);
    }
    this.cache.delete(id);
    return this.get(id);
  }

  /** Publish, pause, resume or end; a compare-and-set on the status so two marketers cannot cross. */
  async setStatus(id: string, to: Exclude<CouponTemplateStatus, 'draft'>): Promise<CouponTemplateView> {
    const [row] = await this.db.query<{ status: CouponTemplateStatus; validity_kind: string; valid_until: Date | null }[]>(
      `SELECT status, validity_kind, valid_until FROM coupon_template WHERE id = $1`,
      [id],
    );
    if (!row) throw new CouponException(ErrorCode.CouponTemplateNotFound);
    if (!NEXT[row.status].includes(to)) throw new CouponException(ErrorCode.CouponTemplateStatusInvalid, `${row.status} → ${to}`);
    if (to === 'active' && row.validity_kind === 'fixed' && row.valid_until && new Date(row.valid_until) <= new Date()) {
      throw new CouponException(ErrorCode.CouponTemplateStatusInvalid, 'validity over', { message: '优惠券有效期已过，请先延长有效期再发布' });
    }
    const [updated] = await this.db.query<{ id: string }[][]>(
      `UPDATE coupon_template SET status = $2::text, updated_at = now(),
              published_at = CASE WHEN $2::text = 'active' THEN COALESCE(published_at, now()) ELSE published_at END,
              ended_at = CASE WHEN $2::text = 'ended' THEN now() ELSE ended_at END
        WHERE id = $1 AND status = $3 RETURNING id`,
      [id, to, row.status],
    );
    if (updated.length === 0) throw new CouponException(ErrorCode.CouponTemplateStatusInvalid, 'raced');
    this.cache.delete(id);
    return this.get(id);
  }

  /** Views with live counters, read in one grouped query over the templates' coupons. */
  async views(rows: TemplateRow[]): Promise<CouponTemplateView[]> {
    if (rows.length === 0) return [];
    const counts = await this.db.query<{ template_id: string; issued: number; claimed: number; redeemed: number; expired: number; held: number; revoked: number }[]>(
      `SELECT template_id, COUNT(*)::int AS issued, COUNT(*) FILTER (WHERE source = 'claim')::int AS claimed,
              COUNT(*) FILTER (WHERE status = 'used')::int AS redeemed, COUNT(*) FILTER (WHERE status = 'expired')::int AS expired,
              COUNT(*) FILTER (WHERE status = 'held')::int AS held, COUNT(*) FILTER (WHERE status = 'revoked')::int AS revoked
         FROM member_coupon WHERE template_id = ANY($1) GROUP BY template_id`,
      [rows.map((r) => r.id)],
    );
    const byId = new Map(counts.map((c) => [c.template_id, c]));
    const names = await this.names(rows.map((r) => r.gift_sku));
    return rows.map((r) => templateView(reviveTemplate(r), byId.get(r.id), names));
  }

  async names(skus: (string | null)[]): Promise<FaceNames> {
    const wanted = skus.filter((s): s is string => !!s);
    if (wanted.length === 0) return new Map();
    const products = await this.catalog.bySkus(wanted);
    return new Map([...products.values()].map((p) => [p.sku, p.name]));
  }

  /** The DTO as columns, after the domain's checks and a check that the gift product exists. */
  private async checked(dto: SaveCouponTemplateDto): Promise<Columns> {
    const v = dto.validity;
    const columns: Columns = {
      code: dto.code,
      name: dto.name.trim(),
      description: dto.description.trim(),
      kind: dto.kind,
      amount_off_fen: dto.kind === 'amount_off' ? (dto.amountOffFen ?? null) : null,
      percent_off: dto.kind === 'percent_off' ? (dto.percentOff ?? null) : null,
      max_discount_fen: dto.kind === 'percent_off' ? (dto.maxDiscountFen ?? null) : null,
      gift_sku: dto.kind === 'gift' ? (dto.giftSku ?? null) : null,
      service_code: dto.kind === 'service' ? (dto.serviceCode ?? null) : null,
      min_spend_fen: dto.minSpendFen,
      scope_kind: dto.scope.kind,
      scope_values: dto.scope.kind === 'all' ? [] : [...new Set(dto.scope.values)],
      exclude_skus: [...new Set(dto.scope.excludeSkus)],
      validity_kind: v.kind,
      valid_from: v.kind === 'fixed' && v.from ? new Date(v.from) : null,
      valid_until: v.kind === 'fixed' && v.until ? new Date(v.until) : null,
      valid_days: v.kind === 'relative' ? (v.days ?? null) : null,
      weekdays: [...v.weekdays].sort(),
      hours_from: v.hoursFrom ?? null,
      hours_until: v.hoursUntil ?? null,
      total_stock: dto.totalStock ?? null,
      per_member_limit: dto.perMemberLimit,
      claimable: dto.claimable,
      stacking: dto.stacking,
      stack_group: dto.stacking === 'stackable' ? (dto.stackGroup ?? null) : null,
      cost_fen: dto.costFen,
    };
    const problems = validateCouponTemplate({
      kind: columns.kind,
      amountOffFen: dto.amountOffFen ?? null,
      percentOff: dto.percentOff ?? null,
      maxDiscountFen: dto.maxDiscountFen ?? null,
      giftSku: dto.giftSku ?? null,
      serviceCode: dto.serviceCode ?? null,
      minSpendFen: columns.min_spend_fen,
      scope: { kind: columns.scope_kind, values: columns.scope_values, excludeSkus: columns.exclude_skus },
      weekdays: v.weekdays,
      hoursFrom: columns.hours_from,
      hoursUntil: columns.hours_until,
      stacking: columns.stacking,
      stackGroup: dto.stackGroup ?? null,
      validity: { kind: v.kind, from: v.from ? new Date(v.from) : null, until: v.until ? new Date(v.until) : null, days: v.days ?? null },
      totalStock: columns.total_stock,
      claimable: columns.claimable,
    });
    if (columns.gift_sku && problems.every((p) => p.field !== 'giftSku')) {
      const gift = await this.catalog.bySkus([columns.gift_sku]);
      if (!gift.has(columns.gift_sku)) problems.push({ field: 'giftSku', problem: '赠品商品编码不存在或已下架' });
    }
    if (problems.length > 0) throw invalid(problems);
    return columns;
  }

  private translated(e: unknown): unknown {
    const constraint = e instanceof QueryFailedError ? (e.driverError as { constraint?: string }).constraint : undefined;
    if (constraint === 'uq_coupon_template_code') return new CouponException(ErrorCode.CouponTemplateCodeTaken);
    return e;
  }
}

/** The domain names usage windows at the top level; in the DTO they sit under `validity`. */
const DTO_FIELD: Record<string, string> = { weekdays: 'validity.weekdays', hoursFrom: 'validity.hoursFrom', hoursUntil: 'validity.hoursUntil' };

function invalid(problems: { field: string; problem: string }[]): CouponException {
  const fields = new Map<string, string[]>();
  for (const p of problems) {
    const field = DTO_FIELD[p.field] ?? p.field;
    fields.set(field, [...(fields.get(field) ?? []), p.problem]);
  }
  return new CouponException(ErrorCode.CouponTemplateInvalid, problems.map((p) => p.field).join(','), {
    details: [...fields].map(([field, list]) => ({ field, problems: list })),
  });
}

function same(a: unknown, b: unknown): boolean {
  if (a instanceof Date || b instanceof Date) return (a ? new Date(a as Date).getTime() : null) === (b ? new Date(b as Date).getTime() : null);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => String(x) === String(b[i]));
  return a === b;
}
