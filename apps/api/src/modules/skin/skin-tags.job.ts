import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { SKIN_TAG_LABELS, SKIN_TAGS, type SkinProfile, skinTags } from '@glow/domain';
import { DataSource, type EntityManager } from 'typeorm';
import { JobRunner } from '../../platform/jobs/job-runner';
import { TagService } from '../member/tag.service';

const FAMILY = SKIN_TAGS.map((key) => ({ key, label: SKIN_TAG_LABELS[key] }));
const BATCH = 500;

/**
 * Rule tags from skin profiles (`sensitive-skin`, `acne-concern`, …). A submitted test updates its member at once;
 * the nightly job recomputes everyone, so a change of the rules reaches all members and nothing drifts.
 */
@Injectable()
export class SkinTagsJob implements OnModuleInit {
  static readonly NAME = 'skin-tags';
  private readonly log = new Logger(SkinTagsJob.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tags: TagService,
    private readonly jobs: JobRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.tags.ensureRuleTags(FAMILY);
    this.jobs.register(SkinTagsJob.NAME, () => this.recomputeAll());
  }

  @Cron('0 30 3 * * *', { name: SkinTagsJob.NAME, timeZone: 'Asia/Shanghai' })
  async nightly(): Promise<void> {
    await this.jobs.run(SkinTagsJob.NAME);
  }

  /** Sets one member's skin tags from their profile (null: no profile, so no skin tags). */
  async syncMember(memberId: string, profile: Pick<SkinProfile, 'skinType' | 'sensitive' | 'concerns'> | null, tx: EntityManager): Promise<void> {
    await this.tags.syncRuleTags(FAMILY, [{ memberId, keys: profile ? skinTags(profile) : [] }], tx);
  }

  /** Every member with a skin result or a skin tag, in batches keyed by member id. */
  async recomputeAll(): Promise<{ members: number; added: number; removed: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    const totals = { members: 0, added: 0, removed: 0 };
    for (;;) {
      const rows = await this.db.query<{ member_id: string; skin_type: SkinProfile['skinType'] | null; sensitive: boolean | null; concerns: SkinProfile['concerns'] | null }[]>(
        `WITH candidates AS (
           SELECT member_id FROM skin_result WHERE member_id > $1
           UNION
           SELECT mt.member_id FROM member_tag mt JOIN tag t ON t.id = mt.tag_id WHERE t.key = ANY($2::text[]) AND mt.member_id > $1),
         page AS (SELECT member_id FROM candidates ORDER BY member_id LIMIT $3)
         SELECT page.member_id, latest.skin_type, latest.sensitive, latest.concerns
           FROM page
           LEFT JOIN LATERAL (SELECT skin_type, sensitive, concerns FROM skin_result r WHERE r.member_id = page.member_id ORDER BY taken_at DESC LIMIT 1) latest ON true
          ORDER BY page.member_id`,
        [after, FAMILY.map((f) => f.key), BATCH],
      );
      if (rows.length === 0) break;
      const wanted = rows.map((r) => ({
        memberId: r.member_id,
        keys: r.skin_type ? skinTags({ skinType: r.skin_type, sensitive: r.sensitive ?? false, concerns: r.concerns ?? [] }) : [],
      }));
      const counts = await this.db.transaction((tx) => this.tags.syncRuleTags(FAMILY, wanted, tx));
      totals.members += rows.length;
      totals.added += counts.added;
      totals.removed += counts.removed;
      after = rows[rows.length - 1].member_id;
      this.log.log(`skin tags: ${totals.members} members checked`);
    }
    return totals;
  }
}
