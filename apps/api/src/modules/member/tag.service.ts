import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ErrorCode, type MemberTagView, type TagSummary } from '@glow/contracts';
import { DataSource, type EntityManager } from 'typeorm';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { AuditService } from '../../platform/audit/audit.service';
import { MemberException } from './member.exception';

export interface RuleTagDefinition {
  key: string;
  label: string;
}

interface TagRow {
  tag_id: string;
  key: string | null;
  label: string;
  kind: 'manual' | 'rule';
  added_by: string | null;
  added_at: Date;
}

/** Manual tags advisors put on members, and rule tags that scheduled jobs keep in step with the data. */
@Injectable()
export class TagService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** All tags with how many members (in the caller's store scope) carry them. */
  async list(scope: string | null): Promise<TagSummary[]> {
    const rows = await this.db.query<{ id: string; key: string | null; label: string; kind: 'manual' | 'rule'; members: number }[]>(
      `SELECT t.id, t.key, t.label, t.kind, count(m.id)::int AS members
         FROM tag t
         LEFT JOIN member_tag mt ON mt.tag_id = t.id
         LEFT JOIN member m ON m.id = mt.member_id AND m.deleted_at IS NULL ${scope ? 'AND m.store_id = $1' : ''}
        GROUP BY t.id ORDER BY t.kind DESC, members DESC, t.label`,
      scope ? [scope] : [],
    );
    return rows;
  }

  async forMember(memberId: string, manager?: EntityManager): Promise<MemberTagView[]> {
    const rows = await (manager ?? this.db.manager).query<TagRow[]>(
      `SELECT mt.tag_id, t.key, t.label, t.kind, s.name AS added_by, mt.added_at
         FROM member_tag mt JOIN tag t ON t.id = mt.tag_id LEFT JOIN staff s ON s.id = mt.added_by_id
        WHERE mt.member_id = $1 ORDER BY t.kind DESC, mt.added_at, t.label`,
      [memberId],
    );
    return rows.map((r) => ({ tagId: r.tag_id, key: r.key, label: r.label, kind: r.kind, addedBy: r.added_by, addedAt: new Date(r.added_at).toISOString() }));
  }

  /** Tags a member by label; a label nobody used yet becomes a new manual tag. Tagging twice is a no-op. */
  async addManual(who: StaffPrincipal, memberId: string, label: string, ip: string | null): Promise<MemberTagView[]> {
    const clean = label.trim();
    return this.db.transaction(async (tx) => {
      let [existing] = await tx.query<{ id: string; kind: string }[]>(
        `WITH ins AS (INSERT INTO tag (label, kind) VALUES ($1, 'manual') ON CONFLICT (label) DO NOTHING RETURNING id, kind)
         SELECT id, kind FROM ins UNION ALL SELECT id, kind FROM tag WHERE label = $1 LIMIT 1`,
        [clean],
      );
      // A concurrent insert of the same label commits after this statement's snapshot: read it now.
      if (!existing) [existing] = await tx.query<{ id: string; kind: string }[]>(`SELECT id, kind FROM tag WHERE label = $1`, [clean]);
      if (existing.kind === 'rule') throw new MemberException(ErrorCode.TagRuleManaged);
      await tx.query(`INSERT INTO member_tag (member_id, tag_id, added_by_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [memberId, existing.id, who.staffId]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'member.tag.add', memberId, detail: { label: clean }, ip }, tx);
      return this.forMember(memberId, tx);
    });
  }

  async removeManual(who: StaffPrincipal, memberId: string, tagId: string, ip: string | null): Promise<MemberTagView[]> {
    return this.db.transaction(async (tx) => {
      const [tag] = await tx.query<{ kind: string; label: string }[]>(
        `SELECT t.kind, t.label FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE mt.member_id = $1 AND mt.tag_id = $2`,
        [memberId, tagId],
      );
      if (!tag) throw new MemberException(ErrorCode.TagNotFound);
      if (tag.kind === 'rule') throw new MemberException(ErrorCode.TagRuleManaged);
      await tx.query(`DELETE FROM member_tag WHERE member_id = $1 AND tag_id = $2`, [memberId, tagId]);
      await this.audit.record({ actorKind: 'staff', actorId: who.staffId, action: 'member.tag.remove', memberId, detail: { label: tag.label }, ip }, tx);
      return this.forMember(memberId, tx);
    });
  }

  /** Makes sure the rule tags of a family exist (idempotent; labels follow the definitions). */
  async ensureRuleTags(definitions: readonly RuleTagDefinition[]): Promise<void> {
    for (const d of definitions) {
      await this.db.query(`INSERT INTO tag (key, label, kind) VALUES ($1, $2, 'rule') ON CONFLICT (key) DO UPDATE SET label = EXCLUDED.label`, [d.key, d.label]);
    }
  }

  /**
   * Sets a family of rule tags for a batch of members to exactly the given keys: tags of the family a member no
   * longer qualifies for are removed, new ones added. One statement per call, so a batch is consistent.
   */
  async syncRuleTags(family: readonly RuleTagDefinition[], wanted: { memberId: string; keys: string[] }[], manager?: EntityManager): Promise<{ added: number; removed: number }> {
    if (wanted.length === 0) return { added: 0, removed: 0 };
    const run = manager ?? this.db.manager;
    const familyKeys = family.map((d) => d.key);
    const memberIds = wanted.map((w) => w.memberId);
    const pairs = wanted.flatMap((w) => w.keys.filter((k) => familyKeys.includes(k)).map((k) => [w.memberId, k]));
    const [counts] = await run.query<{ added: number; removed: number }[]>(
      `WITH wanted AS (
         SELECT w.member_id::uuid AS member_id, t.id AS tag_id
           FROM unnest($3::text[], $4::text[]) AS w(member_id, key) JOIN tag t ON t.key = w.key),
       removed AS (
         DELETE FROM member_tag mt USING tag t
          WHERE t.id = mt.tag_id AND t.key = ANY($2::text[]) AND mt.member_id = ANY($1::uuid[])
            AND NOT EXISTS (SELECT 1 FROM wanted w WHERE w.member_id = mt.member_id AND w.tag_id = mt.tag_id)
          RETURNING 1),
       added AS (
         INSERT INTO member_tag (member_id, tag_id) SELECT member_id, tag_id FROM wanted ON CONFLICT DO NOTHING RETURNING 1)
       SELECT (SELECT count(*) FROM added)::int AS added, (SELECT count(*) FROM removed)::int AS removed`,
      [memberIds, familyKeys, pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );
    return counts;
  }
}
