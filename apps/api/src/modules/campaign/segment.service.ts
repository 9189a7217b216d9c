import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import {
  ErrorCode,
  type LifecycleStage,
  type SaveSegmentDto,
  type SegmentNode,
  type SegmentPreviewView,
  type SegmentView,
} from '@glow/contracts';
import { compileSegment, describeSegment, type SegmentNames, validateSegment } from '@glow/domain';
import { CampaignException } from './campaign.exception';

/** A segment's audience as SQL: `SELECT m.id … WHERE …`, its parameters numbered from `offset + 1`. */
export interface AudienceSql {
  /** Boolean condition over `member m` and `member_metrics mm` (already includes `m.deleted_at IS NULL`). */
  where: string;
  params: unknown[];
}

/** Counting a rule may not hold a connection longer than this. */
const COUNT_TIMEOUT = '20s';

interface SegmentRow {
  id: string;
  name: string;
  description: string;
  rule: SegmentNode;
  last_count: number | null;
  counted_at: Date | null;
  created_at: Date;
  updated_at: Date;
  campaigns: number;
}

/**
 * Saved segments: a rule tree compiled by `libs/domain` to one parameterised SQL condition (no user input is ever
 * part of the SQL text), counted live while the marketer edits it.
 */
@Injectable()
export class SegmentService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Checks an untrusted rule tree; 400 SEGMENT_INVALID lists what is wrong. */
  valid(rule: unknown): SegmentNode {
    const checked = validateSegment(rule);
    if (!checked.ok) throw new CampaignException(ErrorCode.SegmentInvalid, checked.problems.join('; '), { details: [{ field: 'rule', problems: checked.problems }] });
    return checked.node;
  }

  /** The audience condition of a rule at a moment (windows count back from `now`). */
  audience(rule: SegmentNode, now: Date, offset = 0): AudienceSql {
    const compiled = compileSegment(rule, { now, paramOffset: offset });
    return { where: `m.deleted_at IS NULL AND (${compiled.sql})`, params: compiled.params };
  }

  async preview(rule: unknown, now = new Date()): Promise<SegmentPreviewView> {
    const node = this.valid(rule);
    const a = this.audience(node, now);
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = '${COUNT_TIMEOUT}'`);
      const [{ count }] = await tx.query<{ count: number }[]>(
        `SELECT count(*)::int AS count FROM member m LEFT JOIN member_metrics mm ON mm.member_id = m.id WHERE ${a.where}`,
        a.params,
      );
      const sample = await tx.query<Record<string, unknown>[]>(
        `SELECT m.id, m.member_no, COALESCE(m.name, m.nickname) AS name, m.phone_masked, m.city, t.name AS tier_name, mm.lifecycle, mm.last_purchase_at
           FROM member m LEFT JOIN member_metrics mm ON mm.member_id = m.id
           LEFT JOIN member_tier mt ON mt.member_id = m.id LEFT JOIN tier t ON t.code = mt.tier_code
          WHERE ${a.where} ORDER BY m.joined_at DESC LIMIT 10`,
        a.params,
      );
      const [settings] = await tx.query<{ computed_at: Date | null }[]>(`SELECT computed_at FROM metrics_settings WHERE id = 1`);
      return {
        count,
        sample: sample.map((r) => ({
          id: r['id'] as string,
          memberNo: r['member_no'] as string,
          name: (r['name'] as string | null) ?? null,
          phoneMasked: r['phone_masked'] as string,
          tierName: (r['tier_name'] as string | null) ?? null,
          city: (r['city'] as string | null) ?? null,
          lifecycle: (r['lifecycle'] as LifecycleStage | null) ?? null,
          lastPurchaseAt: r['last_purchase_at'] ? (r['last_purchase_at'] as Date).toISOString() : null,
        })),
        summary: describeSegment(node, await this.names(tx)),
        metricsAt: settings?.computed_at ? settings.computed_at.toISOString() : null,
      };
    });
  }

  async list(): Promise<SegmentView[]> {
    const rows = await this.db.query<SegmentRow[]>(`${SELECT_SEGMENT} ORDER BY s.updated_at DESC`);
    const names = await this.names(this.db.manager);
    return rows.map((r) => view(r, names));
  }

  async get(id: string): Promise<SegmentView> {
    const [row] = await this.db.query<SegmentRow[]>(`${SELECT_SEGMENT} WHERE s.id = $1`, [id]);
    if (!row) throw new CampaignException(ErrorCode.SegmentNotFound);
    return view(row, await this.names(this.db.manager));
  }

  /** The saved rule of a segment (404 when it does not exist). */
  async ruleOf(id: string, tx?: EntityManager): Promise<SegmentNode> {
    const [row] = await (tx ?? this.db).query<{ rule: SegmentNode }[]>(`SELECT rule FROM segment WHERE id = $1`, [id]);
    if (!row) throw new CampaignException(ErrorCode.SegmentNotFound);
    return row.rule;
  }

  async create(dto: SaveSegmentDto, staffId: string | null): Promise<SegmentView> {
    const rule = this.valid(dto.rule);
    const count = await this.count(rule);
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO segment (name, description, rule, last_count, counted_at, created_by) VALUES ($1, $2, $3, $4, now(), $5) RETURNING id`,
      [dto.name.trim(), dto.description?.trim() ?? '', JSON.stringify(rule), count, staffId],
    );
    return this.get(row.id);
  }

  async update(id: string, dto: SaveSegmentDto): Promise<SegmentView> {
    const rule = this.valid(dto.rule);
    const count = await this.count(rule);
    const [[row]] = await this.db.query<[{ id: string }[], number]>(
      `UPDATE segment SET name = $2, description = $3, rule = $4, last_count = $5, counted_at = now(), updated_at = now() WHERE id = $1 RETURNING id`,
      [id, dto.name.trim(), dto.description?.trim() ?? '', JSON.stringify(rule), count],
    );
    if (!row) throw new CampaignException(ErrorCode.SegmentNotFound);
    return this.get(id);
  }

  /** A segment that a campaign uses stays (409); the campaign keeps meaning what it meant. */
  async remove(id: string): Promise<void> {
    const [used] = await this.db.query<unknown[]>(`SELECT 1 FROM campaign WHERE segment_id = $1 LIMIT 1`, [id]);
    if (used) throw new CampaignException(ErrorCode.SegmentInUse);
    const [, deleted] = await this.db.query<[unknown[], number]>(`DELETE FROM segment WHERE id = $1`, [id]);
    if (deleted === 0) throw new CampaignException(ErrorCode.SegmentNotFound);
  }

  async count(rule: SegmentNode, now = new Date()): Promise<number> {
    const a = this.audience(rule, now);
    return this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL statement_timeout = '${COUNT_TIMEOUT}'`);
      const [{ count }] = await tx.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM member m LEFT JOIN member_metrics mm ON mm.member_id = m.id WHERE ${a.where}`, a.params);
      return count;
    });
  }

  /** Names of tiers, tags and stores, for the Chinese summary. */
  private async names(tx: EntityManager | DataSource): Promise<SegmentNames> {
    // One after the other: inside a transaction they share one connection.
    const tiers = await tx.query<{ code: string; name: string }[]>(`SELECT code, name FROM tier`);
    const tags = await tx.query<{ id: string; label: string }[]>(`SELECT id, label FROM tag`);
    const stores = await tx.query<{ id: string; name: string }[]>(`SELECT id, name FROM store`);
    return {
      tiers: Object.fromEntries(tiers.map((t) => [t.code, t.name])),
      tags: Object.fromEntries(tags.map((t) => [t.id, t.label])),
      stores: Object.fromEntries(stores.map((s) => [s.id, s.name])),
    };
  }
}

const SELECT_SEGMENT = `SELECT s.id, s.name, s.description, s.rule, s.last_count, s.counted_at, s.created_at, s.updated_at,
       (SELECT count(*)::int FROM campaign c WHERE c.segment_id = s.id) AS campaigns
  FROM segment s`;

function view(r: SegmentRow, names: SegmentNames): SegmentView {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    rule: r.rule,
    summary: describeSegment(r.rule, names),
    count: r.last_count,
    countedAt: r.counted_at ? r.counted_at.toISOString() : null,
    campaigns: r.campaigns,
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}
