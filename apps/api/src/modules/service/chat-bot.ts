import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type ChatSystemBody, type ChatTextBody, type ConversationView } from '@glow/contracts';
import { wantsHuman } from '@glow/domain';
import { AppConfig } from '../../platform/config/app-config';
import { ChatRouter } from './chat-router';
import { ChatService } from './chat.service';
import type { ConversationRow } from './conversation-rows';
import { KnowledgeBaseService } from './knowledge-base.service';
import { ServiceException } from './service.exception';

/**
 * The auto-reply. Outside service hours it answers at once; within them it answers a member's question nobody has
 * answered for `chatBotDelaySeconds`. It answers from the knowledge base and always offers 转人工; a member who asks
 * for a person (or taps 转人工) is handed over and the bot stays quiet until the conversation is resolved.
 * Only our own chat: on WeChat's customer-service channel every reply spends the member's window, so only people reply.
 */
@Injectable()
export class ChatBot {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chat: ChatService,
    private readonly router: ChatRouter,
    private readonly kb: KnowledgeBaseService,
    private readonly config: AppConfig,
  ) {}

  /** After a member's message: hand over if they asked for a person, answer now if outside service hours. */
  async afterMemberMessage(conversationId: string, text: string | null, now = new Date()): Promise<void> {
    if (text !== null && wantsHuman(text)) {
      await this.handover(conversationId, now);
      return;
    }
    if (!this.chat.inServiceHours(now)) await this.answer(conversationId, now, true);
  }

  /** Answers every conversation whose member has waited past the delay (within hours). Answers how many it looked at. */
  async runDue(now = new Date()): Promise<{ answered: number; checked: number }> {
    const due = await this.db.query<{ id: string }[]>(
      `SELECT id FROM conversation
        WHERE channel = 'app' AND bot_active AND status <> 'resolved' AND waiting_since IS NOT NULL
          AND waiting_since <= $1::timestamptz - make_interval(secs => $2) AND bot_checked_seq < last_seq
        ORDER BY waiting_since LIMIT 200`,
      [now, this.config.chatBotDelaySeconds],
    );
    let answered = 0;
    for (const { id } of due) if (await this.answer(id, now, false)) answered += 1;
    return { answered, checked: due.length };
  }

  /** Answers the member's latest unanswered text if the bot may; true when it wrote something. */
  async answer(conversationId: string, now: Date, outsideHours: boolean): Promise<boolean> {
    const claimed = await this.db.transaction(async (tx) => {
      const [conv] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE id = $1 FOR UPDATE`, [conversationId]);
      if (!conv || conv.channel !== 'app' || !conv.bot_active || conv.status === 'resolved' || conv.bot_checked_seq >= conv.last_seq) return null;
      const [last] = await tx.query<{ type: string; body: { text?: string } }[]>(
        `SELECT type, body FROM chat_message WHERE conversation_id = $1 AND sender_kind = 'member' AND seq > $2 ORDER BY seq DESC LIMIT 1`,
        [conv.id, conv.bot_checked_seq],
      );
      // Mark as looked at in the same transaction: two instances never answer the same question twice.
      await tx.query(`UPDATE conversation SET bot_checked_seq = last_seq WHERE id = $1`, [conv.id]);
      return last ? { conv, text: last.type === 'text' ? (last.body.text ?? '') : '' } : null;
    });
    if (!claimed) return false;
    const match = claimed.text ? await this.kb.match(claimed.text) : null;
    if (match?.best && match.answer) {
      const body: ChatTextBody = { text: match.answer, articleId: match.best.articleId, offerHandover: true };
      await this.chat.post(conversationId, { senderKind: 'bot', senderId: null, type: 'text', body }, now);
      await this.kb.counted(match.best.articleId, 'answered');
      return true;
    }
    if (outsideHours && !(await this.saidSinceCycle(claimed.conv, 'after-hours'))) {
      const body: ChatTextBody & { note: string } = {
        text: `您好，现在是非服务时间（服务时间 ${this.config.chatServiceHours}）。您的留言已收到，顾问上班后会第一时间回复您。`,
        offerHandover: false,
        note: 'after-hours',
      };
      await this.chat.post(conversationId, { senderKind: 'bot', senderId: null, type: 'text', body }, now);
      return true;
    }
    return false;
  }

  /** 转人工: the bot steps back and the conversation goes to a person (or the queue). */
  async handover(conversationId: string, now = new Date()): Promise<ConversationView> {
    const changed = await this.db.transaction(async (tx) => {
      const [conv] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE id = $1 FOR UPDATE`, [conversationId]);
      if (!conv) throw new ServiceException(ErrorCode.ConversationNotFound);
      if (!conv.bot_active) return null;
      const [article] = await tx.query<{ article: string | null }[]>(
        `SELECT body->>'articleId' AS article FROM chat_message WHERE conversation_id = $1 AND sender_kind = 'bot' ORDER BY seq DESC LIMIT 1`,
        [conv.id],
      );
      await tx.query(`UPDATE conversation SET bot_active = false, waiting_since = COALESCE(waiting_since, $2), bot_checked_seq = last_seq + 1, updated_at = $2 WHERE id = $1`, [conv.id, now]);
      const text = this.chat.inServiceHours(now)
        ? conv.advisor_id
          ? '已为您通知顾问，请稍候'
          : '正在为您转接人工顾问，请稍候'
        : `现在是非服务时间，顾问将在服务时间（${this.config.chatServiceHours}）内回复您`;
      const body: ChatSystemBody = { text, event: 'handover' };
      const message = await this.chat.insert(tx, conv, { senderKind: 'system', senderId: null, type: 'system', body, at: now });
      return { conv, message, article: article?.article ?? null };
    });
    if (changed) {
      this.chat.publish(changed.conv, changed.message);
      if (changed.article) await this.kb.counted(changed.article, 'handover');
      if (!changed.conv.advisor_id) await this.router.route(conversationId, now);
    }
    return this.chat.publishConversation(conversationId);
  }

  async handoverForMember(memberId: string, now = new Date()): Promise<ConversationView> {
    const id = await this.chat.memberConversationId(memberId);
    if (!id) throw new ServiceException(ErrorCode.ConversationNotFound);
    const view = await this.handover(id, now);
    return { ...view, labels: [], flaggedCount: 0 };
  }

  private async saidSinceCycle(conv: ConversationRow, note: string): Promise<boolean> {
    const [row] = await this.db.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM chat_message x JOIN conversation_cycle y ON y.id = $2
        WHERE x.conversation_id = $1 AND x.sender_kind = 'bot' AND x.body->>'note' = $3 AND x.created_at >= y.started_at`,
      [conv.id, conv.cycle_id, note],
    );
    return row.n > 0;
  }
}
