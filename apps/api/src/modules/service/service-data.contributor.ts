import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MemberDataRegistry } from '../member/member-data.registry';

/**
 * What advisor service keeps about a member: conversations and messages, tickets, ratings. All of it is in the
 * member's export; at deletion the conversations go entirely and tickets keep only their numbers and states (the
 * store's complaint statistics stay true), with the texts erased.
 */
@Injectable()
export class ServiceDataContributor implements OnModuleInit {
  constructor(
    private readonly registry: MemberDataRegistry,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register({
      section: 'service',
      export: async (memberId) => ({
        messages: await this.db.query(
          `SELECT c.channel, x.seq, x.sender_kind, x.type, x.body, x.created_at FROM chat_message x JOIN conversation c ON c.id = x.conversation_id WHERE c.member_id = $1 ORDER BY c.channel, x.seq`,
          [memberId],
        ),
        tickets: await this.db.query(`SELECT ticket_no, category, status, title, description, created_at, resolved_at FROM ticket WHERE member_id = $1 ORDER BY created_at`, [memberId]),
        ticketReplies: await this.db.query(
          `SELECT t.ticket_no, e.kind, e.note, e.created_at FROM ticket_event e JOIN ticket t ON t.id = e.ticket_id WHERE t.member_id = $1 AND NOT e.internal ORDER BY e.id`,
          [memberId],
        ),
        ratings: await this.db.query(`SELECT subject_kind, score, comment, created_at FROM csat_response WHERE member_id = $1 ORDER BY created_at`, [memberId]),
      }),
      erase: async (memberId, tx) => {
        await tx.query(`UPDATE ticket SET conversation_id = NULL WHERE member_id = $1`, [memberId]);
        await tx.query(`DELETE FROM conversation WHERE member_id = $1`, [memberId]);
        await tx.query(`UPDATE ticket SET title = '（已注销）', description = '（会员已注销，内容已删除）' WHERE member_id = $1`, [memberId]);
        await tx.query(`UPDATE ticket_event SET note = NULL, detail = '{}' WHERE ticket_id IN (SELECT id FROM ticket WHERE member_id = $1)`, [memberId]);
        await tx.query(`UPDATE csat_response SET comment = NULL, member_id = NULL WHERE member_id = $1`, [memberId]);
      },
    });
  }
}
