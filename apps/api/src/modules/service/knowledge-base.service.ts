import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type CannedReplyDto, type CannedReplyView, type KbArticleDto, type KbArticleView, type KbMatchResponse } from '@glow/contracts';
import { type KbArticleForMatch, matchKnowledgeBase } from '@glow/domain';
import type { StaffPrincipal } from '../../platform/auth/principal';
import { ServiceException } from './service.exception';

interface ArticleRow {
  id: string;
  question: string;
  keywords: string[];
  synonyms: string[];
  answer: string;
  category: KbArticleView['category'];
  enabled: boolean;
  answered_count: number;
  handover_count: number;
  updated_at: Date;
}



const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/**
 * Chinese word segmentation with the ICU dictionary built into Node (`Intl.Segmenter`): no native package (jieba's
 * prebuilt bindings are not all served by this registry). Kept out of `libs/domain`, which also runs in WeChat.
 */
export function segmentWords(text: string): string[] {
  return Array.from(segmenter.segment(text))
    .filter((s) => s.isWordLike)
    .map((s) => s.segment);
}

function articleView(r: ArticleRow): KbArticleView {
  return {
    id: r.id,
    question: r.question,
    keywords: r.keywords,
    synonyms: r.synonyms,
    answer: r.answer,
    category: r.category,
    enabled: r.enabled,
    answeredCount: r.answered_count,
    handoverCount: r.handover_count,
    updatedAt: new Date(r.updated_at).toISOString(),
  };
}

/** The FAQ articles the bot answers from, their matching, and advisors' canned replies. */
@Injectable()
export class KnowledgeBaseService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async list(): Promise<KbArticleView[]> {
    const rows = await this.db.query<ArticleRow[]>(`SELECT * FROM kb_article ORDER BY category, question`);
    return rows.map(articleView);
  }

  async create(dto: KbArticleDto): Promise<KbArticleView> {
    const [row] = await this.db.query<ArticleRow[]>(
      `INSERT INTO kb_article (question, keywords, synonyms, answer, category, enabled) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [dto.question.trim(), clean(dto.keywords), clean(dto.synonyms), dto.answer.trim(), dto.category, dto.enabled ?? true],
    );
    return articleView(row);
  }

  async update(id: string, dto: KbArticleDto): Promise<KbArticleView> {
    const [rows] = (await this.db.query(
      `UPDATE kb_article SET question = $2, keywords = $3, synonyms = $4, answer = $5, category = $6, enabled = COALESCE($7, enabled), updated_at = now() WHERE id = $1 RETURNING *`,
      [id, dto.question.trim(), clean(dto.keywords), clean(dto.synonyms), dto.answer.trim(), dto.category, dto.enabled ?? null],
    )) as [ArticleRow[], number];
    if (rows.length === 0) throw new ServiceException(ErrorCode.KbArticleNotFound);
    return articleView(rows[0]);
  }

  async remove(id: string): Promise<void> {
    const [, count] = (await this.db.query(`DELETE FROM kb_article WHERE id = $1`, [id])) as [unknown, number];
    if (count === 0) throw new ServiceException(ErrorCode.KbArticleNotFound);
  }

  async enabledArticles(): Promise<(KbArticleForMatch & { answer: string })[]> {
    return this.db.query(`SELECT id, question, keywords, synonyms, answer FROM kb_article WHERE enabled`);
  }

  /** What the bot would answer to a question (the console's tester, and the bot itself). */
  async match(question: string): Promise<KbMatchResponse & { answer: string | null }> {
    const articles = await this.enabledArticles();
    const result = matchKnowledgeBase(question, articles, { tokenize: segmentWords });
    const answer = result.best ? (articles.find((a) => a.id === result.best?.articleId)?.answer ?? null) : null;
    return { best: result.best, candidates: result.candidates, answer };
  }

  async counted(articleId: string, what: 'answered' | 'handover'): Promise<void> {
    await this.db.query(`UPDATE kb_article SET ${what === 'answered' ? 'answered_count = answered_count + 1' : 'handover_count = handover_count + 1'} WHERE id = $1`, [articleId]);
  }

  // --- canned replies: shared (owner null) and personal ---

  async cannedReplies(who: StaffPrincipal): Promise<CannedReplyView[]> {
    const rows = await this.db.query<{ id: string; title: string; body: string; owner_id: string | null; updated_at: Date }[]>(
      `SELECT * FROM canned_reply WHERE owner_id IS NULL OR owner_id = $1 ORDER BY owner_id NULLS FIRST, title`,
      [who.staffId],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, body: r.body, ownerId: r.owner_id, shared: r.owner_id === null, updatedAt: new Date(r.updated_at).toISOString() }));
  }

  async saveCannedReply(who: StaffPrincipal, dto: CannedReplyDto, id?: string): Promise<CannedReplyView> {
    const shared = dto.shared === true;
    if (shared && who.role === 'advisor') throw new ServiceException(ErrorCode.Forbidden, 'advisors keep personal replies', { message: '顾问只能维护自己的快捷回复' });
    const owner = shared ? null : who.staffId;
    let row: { id: string; title: string; body: string; owner_id: string | null; updated_at: Date } | undefined;
    if (id) {
      const [rows] = (await this.db.query(
        `UPDATE canned_reply SET title = $2, body = $3, owner_id = $4, updated_at = now()
          WHERE id = $1 AND (owner_id = $5 OR (owner_id IS NULL AND $6::boolean)) RETURNING *`,
        [id, dto.title.trim(), dto.body.trim(), owner, who.staffId, who.role !== 'advisor'],
      )) as [(typeof row)[], number];
      row = rows[0];
      if (!row) throw new ServiceException(ErrorCode.CannedReplyNotFound);
    } else {
      [row] = await this.db.query(`INSERT INTO canned_reply (owner_id, title, body) VALUES ($1, $2, $3) RETURNING *`, [owner, dto.title.trim(), dto.body.trim()]);
    }
    const r = row as NonNullable<typeof row>;
    return { id: r.id, title: r.title, body: r.body, ownerId: r.owner_id, shared: r.owner_id === null, updatedAt: new Date(r.updated_at).toISOString() };
  }

  async removeCannedReply(who: StaffPrincipal, id: string): Promise<void> {
    const [, count] = (await this.db.query(`DELETE FROM canned_reply WHERE id = $1 AND (owner_id = $2 OR (owner_id IS NULL AND $3::boolean))`, [
      id,
      who.staffId,
      who.role !== 'advisor',
    ])) as [unknown, number];
    if (count === 0) throw new ServiceException(ErrorCode.CannedReplyNotFound);
  }
}

function clean(words: string[]): string[] {
  return [...new Set(words.map((w) => w.trim()).filter((w) => w.length > 0))];
}
