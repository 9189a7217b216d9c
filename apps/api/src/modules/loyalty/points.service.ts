import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type PointsEntryKind, type PointsRefType } from '@glow/contracts';
import { allocateSpend, planReversal } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { LoyaltyException } from './loyalty.exception';

export interface Totals {
  balance: number;
  pending: number;
  debt: number;
}

interface Change {
  memberId: string;
  reason: string;
  refType: PointsRefType;
  refId: string | null;
  /** Unique over the ledger: the same key applied twice changes nothing the second time. */
  key: string;
  staffId?: string | null;
}

export interface CreditInput extends Change {
  kind: Extract<PointsEntryKind, 'earn' | 'bonus' | 'opening' | 'adjust'>;
  points: number;
  /** Pending points wait in their lot until `activatesAt`; others are usable at once. */
  pending: boolean;
  activatesAt: Date;
  expiresAt: Date;
}

export interface DebitInput extends Change {
  kind: Extract<PointsEntryKind, 'spend' | 'adjust'>;
  points: number;
}

export interface ReversalResult {
  cancelled: number;
  clawedBack: number;
  forgone: number;
  debt: number;
}

type LotPart = { lotId: string; points: number };

/**
 * The points ledger. Every change of a member's points runs inside the caller's transaction and starts by locking
 * the member's `points_account` row, so the changes of one member are serialised by PostgreSQL; the account's
 * checks keep balance, pending and debt from ever going below zero, and the unique idempotency key of the ledger
 * makes a retried change a no-op.
 */
@Injectable()
export class PointsService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Locks (creating on first use) the member's account; every other method calls this first. */
  async lock(tx: EntityManager, memberId: string): Promise<Totals> {
    await tx.query(`INSERT INTO points_account (member_id) VALUES ($1) ON CONFLICT (member_id) DO NOTHING`, [memberId]);
    const [row] = await tx.query<Totals[]>(`SELECT balance, pending, debt FROM points_account WHERE member_id = $1 FOR UPDATE`, [memberId]);
    return row;
  }

  async totals(memberId: string): Promise<Totals> {
    const [row] = await this.db.query<Totals[]>(`SELECT balance, pending, debt FROM points_account WHERE member_id = $1`, [memberId]);
    return row ?? { balance: 0, pending: 0, debt: 0 };
  }

  /** Whether a change with this key has already been applied (call after `lock`). */
  async applied(tx: EntityManager, key: string): Promise<boolean> {
    const rows = await tx.query<unknown[]>(`SELECT 1 FROM points_entry WHERE idempotency_key = $1`, [key]);
    return rows.length > 0;
  }

  /**
   * Adds points as a new lot. Usable points first pay off any debt left by refunds. Answers the lot id, or null
   * when the key was already applied.
   */
  async credit(tx: EntityManager, c: CreditInput): Promise<string | null> {
    if (!Number.isInteger(c.points) || c.points <= 0) throw new Error(`credit of ${c.points} points`);
    const account = await this.lock(tx, c.memberId);
    if (await this.applied(tx, c.key)) return null;
    const status = c.pending ? 'pending' : 'active';
    const [lot] = await tx.query<{ id: string }[]>(
      `INSERT INTO points_lot (member_id, earned, remaining, status, reason, ref_type, ref_id, activates_at, expires_at)
       VALUES ($1, $2, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [c.memberId, c.points, status, c.reason, c.refType, c.refId, c.activatesAt, c.expiresAt],
    );
    await this.entry(tx, c, {
      kind: c.kind,
      delta: c.pending ? 0 : c.points,
      pendingDelta: c.pending ? c.points : 0,
      lots: [{ lotId: lot.id, points: c.points }],
    });
    await tx.query(`UPDATE points_account SET balance = balance + $2, pending = pending + $3, updated_at = now() WHERE member_id = $1`, [
      c.memberId,
      c.pending ? 0 : c.points,
      c.pending ? c.points : 0,
    ]);
    if (!c.pending) await this.payDebt(tx, c.memberId, account.debt, lot.id, c.points, c.key);
    return lot.id;
  }

  /**
   * Takes points from active lots, soonest expiry first, and records which lots paid. Refuses (409
   * POINTS_INSUFFICIENT) rather than going below zero. Answers the parts taken, or null when the key was already applied.
   */
  async debit(tx: EntityManager, d: DebitInput): Promise<LotPart[] | null> {
    if (!Number.isInteger(d.points) || d.points <= 0) throw new Error(`debit of ${d.points} points`);
    await this.lock(tx, d.memberId);
    if (await this.applied(tx, d.key)) return null;
    await this.expireMember(tx, d.memberId);
    const lots = await tx.query<{ id: string; remaining: number; expires_at: Date; created_at: Date }[]>(
      `SELECT id, remaining, expires_at, created_at FROM points_lot
        WHERE member_id = $1 AND status = 'active' AND remaining > 0
        ORDER BY expires_at, created_at, id FOR UPDATE`,
      [d.memberId],
    );
    const parts = allocateSpend(
      lots.map((l) => ({ id: l.id, remaining: l.remaining, expiresAt: new Date(l.expires_at), createdAt: new Date(l.created_at) })),
      d.points,
    );
    if (!parts) {
      const have = lots.reduce((sum, l) => sum + l.remaining, 0);
      throw new LoyaltyException(ErrorCode.PointsInsufficient, `needs ${d.points}, has ${have}`, { message: `积分不足：需要 ${d.points} 积分，可用 ${have} 积分` });
    }
    await this.takeFromLots(tx, parts);
    await tx.query(`UPDATE points_account SET balance = balance - $2, updated_at = now() WHERE member_id = $1`, [d.memberId, d.points]);
    await this.entry(tx, d, { kind: d.kind, delta: -d.points, pendingDelta: 0, lots: parts });
    return parts;
  }

  /**
   * Gives points back to the lots a spend took them from (a cancelled redemption). Lots that expired meanwhile stay
   * expired: those points are not returned. Answers the points returned.
   */
  async restore(tx: EntityManager, c: Change, parts: LotPart[]): Promise<number> {
    await this.lock(tx, c.memberId);
    if (await this.applied(tx, c.key)) return 0;
    const lotIds = parts.map((p) => p.lotId);
    const live = await tx.query<{ id: string }[]>(
      `SELECT id FROM points_lot WHERE id = ANY($1::uuid[]) AND member_id = $2 AND status = 'active' AND expires_at > now() ORDER BY id FOR UPDATE`,
      [lotIds, c.memberId],
    );
    const liveIds = new Set(live.map((l) => l.id));
    const back = parts.filter((p) => liveIds.has(p.lotId));
    const points = back.reduce((sum, p) => sum + p.points, 0);
    if (back.length > 0) {
      await tx.query(
        `UPDATE points_lot l SET remaining = l.remaining + p.points
           FROM jsonb_to_recordset($1::jsonb) AS p("lotId" uuid, points int) WHERE l.id = p."lotId"`,
        [JSON.stringify(back)],
      );
      await tx.query(`UPDATE points_account SET balance = balance + $2, updated_at = now() WHERE member_id = $1`, [c.memberId, points]);
    }
    await this.entry(tx, c, { kind: 'restore', delta: points, pendingDelta: 0, lots: back });
    return points;
  }

  /**
   * Takes back `points` of the lot a purchase created (a refund): pending points are cancelled, active ones clawed
   * back, expired ones forgone; what the member already spent becomes debt. The balance never goes below zero.
   */
  async reverse(tx: EntityManager, c: Change & { lotRef: { refType: PointsRefType; refId: string } }, points: number): Promise<ReversalResult> {
    const none = { cancelled: 0, clawedBack: 0, forgone: 0, debt: 0 };
    await this.lock(tx, c.memberId);
    if (points <= 0 || (await this.applied(tx, c.key))) return none;
    const [lot] = await tx.query<{ id: string; status: 'pending' | 'active' | 'expired' | 'cancelled'; remaining: number }[]>(
      `SELECT id, status, remaining FROM points_lot WHERE member_id = $1 AND ref_type = $2 AND ref_id = $3 ORDER BY created_at LIMIT 1 FOR UPDATE`,
      [c.memberId, c.lotRef.refType, c.lotRef.refId],
    );
    const plan = planReversal(points, lot ?? { status: 'cancelled', remaining: 0 });
    const taken = plan.cancelPending + plan.clawActive + plan.forgoExpired;
    if (lot && taken > 0) {
      await tx.query(
        `UPDATE points_lot SET remaining = remaining - $2,
                status = CASE WHEN status = 'pending' AND remaining - $2 = 0 THEN 'cancelled' ELSE status END
          WHERE id = $1`,
        [lot.id, taken],
      );
    }
    await tx.query(`UPDATE points_account SET balance = balance - $2, pending = pending - $3, debt = debt + $4, updated_at = now() WHERE member_id = $1`, [
      c.memberId,
      plan.clawActive,
      plan.cancelPending,
      plan.debt,
    ]);
    const kind: PointsEntryKind = plan.clawActive === 0 && plan.debt === 0 && plan.forgoExpired === 0 ? 'cancel' : 'clawback';
    await this.entry(
      tx,
      c,
      { kind, delta: -plan.clawActive, pendingDelta: -plan.cancelPending, debtDelta: plan.debt, lots: lot && taken > 0 ? [{ lotId: lot.id, points: taken }] : [] },
    );
    return { cancelled: plan.cancelPending, clawedBack: plan.clawActive, forgone: plan.forgoExpired, debt: plan.debt };
  }

  /** Activates the member's pending lots that are due; debt is paid off first. Answers the lots activated. */
  async activateMember(tx: EntityManager, memberId: string): Promise<number> {
    const account = await this.lock(tx, memberId);
    const due = await tx.query<{ id: string; remaining: number; reason: string; ref_type: PointsRefType; ref_id: string | null }[]>(
      `SELECT id, remaining, reason, ref_type, ref_id FROM points_lot
        WHERE member_id = $1 AND status = 'pending' AND activates_at <= now() ORDER BY activates_at, id FOR UPDATE`,
      [memberId],
    );
    let debt = account.debt;
    for (const lot of due) {
      await tx.query(`UPDATE points_lot SET status = 'active' WHERE id = $1`, [lot.id]);
      await tx.query(`UPDATE points_account SET balance = balance + $2, pending = pending - $2, updated_at = now() WHERE member_id = $1`, [memberId, lot.remaining]);
      const key = `activate:${lot.id}`;
      await this.entry(tx, { memberId, reason: lot.reason, refType: lot.ref_type, refId: lot.ref_id, key }, {
        kind: 'activate',
        delta: lot.remaining,
        pendingDelta: -lot.remaining,
        lots: [{ lotId: lot.id, points: lot.remaining }],
      });
      debt -= await this.payDebt(tx, memberId, debt, lot.id, lot.remaining, key);
    }
    return due.length;
  }

  /** Expires the member's active lots past their expiry. Answers the points expired. */
  async expireMember(tx: EntityManager, memberId: string): Promise<number> {
    // An UPDATE … RETURNING answers [rows, count] through TypeORM's query().
    const [due] = await tx.query<[{ id: string; remaining: number }[], number]>(
      `UPDATE points_lot SET status = 'expired'
        WHERE member_id = $1 AND status = 'active' AND expires_at <= now()
        RETURNING id, remaining`,
      [memberId],
    );
    let total = 0;
    for (const lot of due) {
      if (lot.remaining === 0) continue;
      total += lot.remaining;
      await this.entry(tx, { memberId, reason: '积分到期', refType: 'lot', refId: lot.id, key: `expire:${lot.id}` }, {
        kind: 'expire',
        delta: -lot.remaining,
        pendingDelta: 0,
        lots: [{ lotId: lot.id, points: lot.remaining }],
      });
    }
    if (total > 0) await tx.query(`UPDATE points_account SET balance = balance - $2, updated_at = now() WHERE member_id = $1`, [memberId, total]);
    return total;
  }

  /** Members with pending lots due or active lots expired, for the jobs (a batch at a time). */
  async membersDue(what: 'activate' | 'expire', limit: number): Promise<string[]> {
    const sql =
      what === 'activate'
        ? `SELECT DISTINCT member_id FROM points_lot WHERE status = 'pending' AND activates_at <= now() LIMIT $1`
        : `SELECT DISTINCT member_id FROM points_lot WHERE status = 'active' AND expires_at <= now() LIMIT $1`;
    const rows = await this.db.query<{ member_id: string }[]>(sql, [limit]);
    return rows.map((r) => r.member_id);
  }

  /**
   * Members whose balance, pending or debt disagree with their lots or their ledger. Runs the same SQL against any
   * database; an empty answer means the invariant holds.
   */
  async violations(manager: Pick<EntityManager, 'query'> = this.db.manager, limit = 100): Promise<InvariantViolation[]> {
    return manager.query(INVARIANT_SQL, [limit]);
  }

  private async payDebt(tx: EntityManager, memberId: string, debt: number, lotId: string, available: number, key: string): Promise<number> {
    const offset = Math.min(debt, available);
    if (offset <= 0) return 0;
    await tx.query(`UPDATE points_lot SET remaining = remaining - $2 WHERE id = $1`, [lotId, offset]);
    await tx.query(`UPDATE points_account SET balance = balance - $2, debt = debt - $2, updated_at = now() WHERE member_id = $1`, [memberId, offset]);
    await this.entry(tx, { memberId, reason: '抵扣退款欠分', refType: 'lot', refId: lotId, key: `${key}:debt` }, {
      kind: 'debt_offset',
      delta: -offset,
      pendingDelta: 0,
      debtDelta: -offset,
      lots: [{ lotId, points: offset }],
    });
    return offset;
  }

  private async takeFromLots(tx: EntityManager, parts: LotPart[]): Promise<void> {
    await tx.query(
      `UPDATE points_lot l SET remaining = l.remaining - p.points
         FROM jsonb_to_recordset($1::jsonb) AS p("lotId" uuid, points int) WHERE l.id = p."lotId"`,
      [JSON.stringify(parts)],
    );
  }

  private async entry(
    tx: EntityManager,
    c: Change,
    e: { kind: PointsEntryKind; delta: number; pendingDelta: number; debtDelta?: number; lots: LotPart[] },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO points_entry (member_id, kind, delta, pending_delta, debt_delta, reason, ref_type, ref_id, idempotency_key, lots, staff_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [c.memberId, e.kind, e.delta, e.pendingDelta, e.debtDelta ?? 0, c.reason, c.refType, c.refId, c.key, JSON.stringify(e.lots), c.staffId ?? null],
    );
  }
}

export interface InvariantViolation {
  member_id: string;
  balance: number;
  pending: number;
  debt: number;
  active_lots: number;
  pending_lots: number;
  ledger_balance: number;
  ledger_pending: number;
  ledger_debt: number;
}

/**
 * For every member: balance = Σ remaining of active lots = Σ ledger delta ≥ 0, pending = Σ remaining of pending
 * lots = Σ ledger pending delta, debt = Σ ledger debt delta ≥ 0. Rows are the members where it does not hold.
 */
export const INVARIANT_SQL = `
  WITH lots AS (
    SELECT member_id,
           COALESCE(SUM(remaining) FILTER (WHERE status = 'active'), 0)::int AS active_lots,
           COALESCE(SUM(remaining) FILTER (WHERE status = 'pending'), 0)::int AS pending_lots
      FROM points_lot GROUP BY member_id),
  ledger AS (
    SELECT member_id, SUM(delta)::int AS ledger_balance, SUM(pending_delta)::int AS ledger_pending, SUM(debt_delta)::int AS ledger_debt
      FROM points_entry GROUP BY member_id),
  members AS (SELECT member_id FROM points_account UNION SELECT member_id FROM lots UNION SELECT member_id FROM ledger)
  SELECT m.member_id,
         COALESCE(a.balance, 0) AS balance, COALESCE(a.pending, 0) AS pending, COALESCE(a.debt, 0) AS debt,
         COALESCE(l.active_lots, 0) AS active_lots, COALESCE(l.pending_lots, 0) AS pending_lots,
         COALESCE(g.ledger_balance, 0) AS ledger_balance, COALESCE(g.ledger_pending, 0) AS ledger_pending, COALESCE(g.ledger_debt, 0) AS ledger_debt
    FROM members m
    LEFT JOIN points_account a ON a.member_id = m.member_id
    LEFT JOIN lots l ON l.member_id = m.member_id
    LEFT JOIN ledger g ON g.member_id = m.member_id
   WHERE a.member_id IS NULL
      OR a.balance < 0 OR a.pending < 0 OR a.debt < 0
      OR a.balance <> COALESCE(l.active_lots, 0) OR a.balance <> COALESCE(g.ledger_balance, 0)
      OR a.pending <> COALESCE(l.pending_lots, 0) OR a.pending <> COALESCE(g.ledger_pending, 0)
      OR a.debt <> COALESCE(g.ledger_debt, 0)
   LIMIT $1`;
