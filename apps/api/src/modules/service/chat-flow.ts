import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ErrorCode, type ChatMessageView, type ChatTextBody, type SendChatMessageDto } from '@glow/contracts';
import { windowAfterInbound } from '@glow/domain';
import { ChatBot } from './chat-bot';
import { ChatRouter } from './chat-router';
import { ChatService } from './chat.service';
import type { ConversationRow } from './conversation-rows';
import { ServiceException } from './service.exception';

/** A customer-service message WeChat pushed to us (already verified and decrypted). */
export interface WechatInbound {
  openid: string;
  msgType: 'text' | 'image' | 'miniprogrampage' | 'event';
  event?: string;
  content?: string;
  picUrl?: string;
  title?: string;
  pagePath?: string;
  msgId?: string;
  createTime: number;
}

/**
 * What happens around a member's message: store it, route the conversation, let the bot answer; and the same for
 * messages that arrive through WeChat's own customer-service entry.
 */
@Injectable()
export class ChatFlow {
  private readonly logger = new Logger(ChatFlow.name);

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly chat: ChatService,
    private readonly router: ChatRouter,
    private readonly bot: ChatBot,
  ) {}

  async memberSend(memberId: string, openid: string, dto: SendChatMessageDto, now = new Date()): Promise<ChatMessageView> {
    const { message, assigned } = await this.chat.sendAsMember(memberId, openid, dto, now);
    await this.afterMember(message.conversationId, dto.type === 'text' ? (dto.text ?? '') : null, assigned, now);
    return message;
  }

  private async afterMember(conversationId: string, text: string | null, assigned: boolean, now: Date): Promise<void> {
    try {
      if (!assigned) await this.router.route(conversationId, now);
      await this.bot.afterMemberMessage(conversationId, text, now);
    } catch (e) {
      // The message is stored and delivered; routing and the bot catch up on their next scheduled pass.
      this.logger.warn(`after-message work for ${conversationId} failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * A pushed customer-service message: deduplicated by MsgId (WeChat retries), it opens WeChat's reply window
   * (48 h / 5 messages; entering the session 1 min / 2) and lands in the same inbox as our own chat.
   */
  async wechatInbound(msg: WechatInbound, now = new Date()): Promise<void> {
    const [link] = await this.db.query<{ member_id: string }[]>(`SELECT member_id FROM member_wechat WHERE openid = $1`, [msg.openid]);
    const memberId = link?.member_id ?? null;
    let flagged = false;
    if (msg.msgType === 'text') {
      try {
        flagged = (await this.chat.contentVerdict(msg.openid, msg.content ?? '')) === 'review';
      } catch (e) {
        if (e instanceof ServiceException && e.code === ErrorCode.ChatContentBlocked) {
          this.logger.warn(`WeChat customer-service text from ${msg.openid} refused by the content check`);
          return;
        }
        throw e;
      }
    }
    const outcome = await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO conversation (member_id, openid, channel, store_id, created_at, updated_at)
         SELECT $1::uuid, $2, 'wechat', (SELECT COALESCE(m.store_id, a.store_id) FROM member m LEFT JOIN staff a ON a.id = m.advisor_id WHERE m.id = $1::uuid), $3, $3
         ON CONFLICT (openid) WHERE channel = 'wechat' DO NOTHING`,
        [memberId, msg.openid, now],
      );
      const [conv] = await tx.query<ConversationRow[]>(`SELECT * FROM conversation WHERE openid = $1 AND channel = 'wechat' FOR UPDATE`, [msg.openid]);
      const current = conv.wechat_window_until ? { until: new Date(conv.wechat_window_until), remaining: conv.wechat_window_left ?? 0 } : null;
      const window = windowAfterInbound(current, msg.msgType === 'event' ? 'enter' : 'message', now);
      await tx.query(`UPDATE conversation SET wechat_window_until = $2, wechat_window_left = $3, member_id = COALESCE(member_id, $4::uuid) WHERE id = $1`, [
        conv.id,
        window.until,
        window.remaining,
        memberId,
      ]);
      if (msg.msgType === 'event') return { conv, message: null };
      if (msg.msgId) {
        const [seen] = await tx.query<{ id: string }[]>(`SELECT id FROM chat_message WHERE wechat_msg_id = $1`, [msg.msgId]);
        if (seen) return { conv, message: null };
      }
      await this.chat.ensureCycle(tx, conv, now);
      const body =
        msg.msgType === 'image'
          ? { url: msg.picUrl ?? '' }
          : msg.msgType === 'miniprogrampage'
            ? ({ text: `[小程序页面] ${msg.title ?? ''} ${msg.pagePath ?? ''}`.trim() } satisfies ChatTextBody)
            : ({ text: msg.content ?? '' } satisfies ChatTextBody);
      const message = await this.chat.insert(tx, conv, {
        senderKind: 'member',
        senderId: memberId,
        type: msg.msgType === 'image' ? 'image' : 'text',
        body,
        flagged,
        wechatMsgId: msg.msgId ?? null,
        at: now,
      });
      await tx.query(`UPDATE conversation SET status = 'open', waiting_since = COALESCE(waiting_since, $2), bot_active = false, updated_at = $2 WHERE id = $1`, [conv.id, now]);
      return { conv, message };
    });
    if (outcome.message) this.chat.publish(outcome.conv, outcome.message);
    await this.router.route(outcome.conv.id, now).catch(() => false);
    await this.chat.publishConversation(outcome.conv.id);
  }
}
