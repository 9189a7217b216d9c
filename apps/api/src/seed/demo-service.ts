import { KB_FIXTURE_ARTICLES } from '@glow/domain';
import type { DataSource } from 'typeorm';

/** Shared canned replies every advisor starts with. */
const CANNED_REPLIES: { title: string; body: string }[] = [
  { title: '问候', body: '您好，我是您的专属美容顾问，很高兴为您服务～请问有什么可以帮您？' },
  { title: '稍等', body: '好的，我帮您查询一下，请稍等片刻。' },
  { title: '敏感肌建议', body: '敏感肌建议先在耳后或手腕内侧试用 24 小时，无泛红刺痛再上脸哦。' },
  { title: '到店体验', body: '欢迎您到店体验，我可以帮您预约试妆或肤质检测，请问您方便哪天过来？' },
  { title: '结束语', body: '感谢您的咨询，如果还有其他问题随时找我哦，祝您生活愉快！' },
];

/**
 * Advisor service for the demo: the knowledge base the bot answers from (the same articles its quality spec
 * measures), shared canned replies, and a few conversations with history so the workbench is not empty.
 * Idempotent: articles by slug, replies by title, conversations by member.
 */
export async function seedService(db: DataSource, log: (line: string) => void): Promise<void> {
  for (const a of KB_FIXTURE_ARTICLES) {
    await db.query(
      `INSERT INTO kb_article (slug, question, keywords, synonyms, answer, category) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (slug) WHERE slug IS NOT NULL DO NOTHING`,
      [a.id, a.question.slice(0, 100), a.keywords, a.synonyms, a.answer.slice(0, 1000), a.category],
    );
  }
  for (const r of CANNED_REPLIES) {
    await db.query(`INSERT INTO canned_reply (owner_id, title, body) SELECT NULL, $1::varchar, $2::varchar WHERE NOT EXISTS (SELECT 1 FROM canned_reply WHERE owner_id IS NULL AND title = $1::varchar)`, [r.title, r.body]);
  }
  // A handful of members of each advisor have written recently: one answered, one waiting, one resolved and rated.
  const members = await db.query<{ id: string; advisor_id: string; store_id: string; name: string | null }[]>(
    `SELECT DISTINCT ON (m.advisor_id, k.n) m.id, m.advisor_id, m.store_id, m.name
       FROM member m CROSS JOIN (VALUES (0), (1), (2)) k(n)
      WHERE m.advisor_id IS NOT NULL AND m.deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM conversation c WHERE c.member_id = m.id)
        AND abs(hashtext(m.id::text)) % 3 = k.n
      ORDER BY m.advisor_id, k.n, m.joined_at DESC`,
  );
  const scripts: { from: 'member' | 'advisor'; text: string }[][] = [
    [
      { from: 'member', text: '你好，我是混油皮，最近换季脸上起皮，该用什么精华？' },
      { from: 'advisor', text: '您好～换季起皮一般是屏障受损，建议先用修护精华，配合保湿面霜。我给您发个产品看看？' },
      { from: 'member', text: '好的，敏感肌能用吗' },
    ],
    [{ from: 'member', text: '我上周买的面霜用了有点刺痛，怎么办' }],
    [
      { from: 'member', text: '周六下午能预约试妆吗？' },
      { from: 'advisor', text: '可以的，已为您预约周六下午 3 点，到店报手机号即可～' },
      { from: 'member', text: '谢谢！' },
    ],
  ];
  let created = 0;
  for (const [i, m] of members.entries()) {
    const script = scripts[i % scripts.length];
    const resolved = i % scripts.length === 2;
    const started = new Date(Date.now() - (2 + (i % 5)) * 3_600_000);
    await db.transaction(async (tx) => {
      const [conv] = await tx.query<{ id: string }[]>(
        `INSERT INTO conversation (member_id, channel, status, store_id, advisor_id, bot_active, created_at, updated_at) VALUES ($1, 'app', $2, $3, $4, false, $5, $5)
         ON CONFLICT (member_id, channel) WHERE member_id IS NOT NULL DO NOTHING RETURNING id`,
        [m.id, resolved ? 'resolved' : 'open', m.store_id, m.advisor_id, started],
      );
      if (!conv) return;
      const firstAdvisor = script.findIndex((s) => s.from === 'advisor');
      const at = (k: number) => new Date(started.getTime() + k * 90_000);
      const [cycle] = await tx.query<{ id: string }[]>(
        `INSERT INTO conversation_cycle (conversation_id, advisor_id, started_at, first_response_at, resolved_at, resolved_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [conv.id, m.advisor_id, at(0), firstAdvisor >= 0 ? at(firstAdvisor) : null, resolved ? at(script.length) : null, resolved ? m.advisor_id : null],
      );
      for (const [k, s] of script.entries()) {
        await tx.query(
          `INSERT INTO chat_message (conversation_id, seq, sender_kind, sender_id, type, body, created_at) VALUES ($1, $2, $3, $4, 'text', $5, $6)`,
          [conv.id, k + 1, s.from, s.from === 'member' ? m.id : m.advisor_id, JSON.stringify({ text: s.text }), at(k)],
        );
      }
      const last = script.length;
      const lastFromMember = script[last - 1].from === 'member';
      await tx.query(
        `UPDATE conversation SET cycle_id = $2, last_seq = $3, last_message_at = $4, member_read_seq = $3, advisor_read_seq = $5, waiting_since = $6, resolved_at = $7, bot_checked_seq = $3 WHERE id = $1`,
        [conv.id, cycle.id, last, at(last - 1), lastFromMember && !resolved ? last - 1 : last, lastFromMember && !resolved ? at(last - 1) : null, resolved ? at(last) : null],
      );
      if (resolved) {
        await tx.query(`INSERT INTO csat_response (subject_kind, subject_id, member_id, advisor_id, score, comment, created_at) VALUES ('conversation', $1, $2, $3, $4, $5, $6)`, [
          cycle.id,
          m.id,
          m.advisor_id,
          4 + (i % 2),
          i % 2 ? '顾问很耐心' : null,
          at(last + 1),
        ]);
      }
      created += 1;
    });
  }
  log(`service: ${KB_FIXTURE_ARTICLES.length} knowledge-base articles, ${CANNED_REPLIES.length} canned replies, ${created} demo conversations`);
}
