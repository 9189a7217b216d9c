import { Injectable, Logger } from '@nestjs/common';
import { ChatEvents, type ChatMessageView, type ChatReadEvent, type ChatTypingEvent, type ConversationView } from '@glow/contracts';
import type { Namespace } from 'socket.io';

/** Socket.io rooms: a member's sockets, a staff member's sockets, the watchers of one conversation, a store's queue. */
export const rooms = {
  member: (memberId: string) => `m:${memberId}`,
  staff: (staffId: string) => `s:${staffId}`,
  watch: (conversationId: string) => `w:${conversationId}`,
  queue: (storeId: string | null) => `q:${storeId ?? 'none'}`,
  /** Admins see every store's queue. */
  allQueues: 'q:*',
};

/** Who a conversation's events go to. */
export interface Audience {
  memberId: string | null;
  advisorId: string | null;
  storeId: string | null;
  conversationId: string;
}

/**
 * Delivers stored chat events to connected sockets. The gateway hands it the namespace at start; with the Redis
 * adapter a room reaches sockets on every instance. Messages are always stored before they are published, so a
 * socket that misses one catches up with `sync`.
 */
@Injectable()
export class ChatHub {
  private readonly logger = new Logger(ChatHub.name);
  private ns: Namespace | null = null;

  attach(ns: Namespace): void {
    this.ns = ns;
  }

  get namespace(): Namespace | null {
    return this.ns;
  }

  private targets(a: Audience, withQueue: boolean): string[] {
    const list = [rooms.watch(a.conversationId)];
    if (a.memberId) list.push(rooms.member(a.memberId));
    if (a.advisorId) list.push(rooms.staff(a.advisorId));
    if (withQueue || !a.advisorId) list.push(rooms.queue(a.storeId), rooms.allQueues);
    return list;
  }

  message(a: Audience, message: ChatMessageView): void {
    this.emit(this.targets(a, false), ChatEvents.message, message);
  }

  /** A conversation changed; `previousAdvisorId` hears about a transfer away from them. */
  conversation(a: Audience, view: ConversationView, previousAdvisorId?: string | null): void {
    const targets = this.targets(a, true);
    if (previousAdvisorId && previousAdvisorId !== a.advisorId) targets.push(rooms.staff(previousAdvisorId));
    // Members see their own conversation's changes too (assigned advisor, status), without staff-only labels.
    this.emit(targets.filter((r) => !a.memberId || r !== rooms.member(a.memberId)), ChatEvents.conversation, view);
    if (a.memberId) this.emit([rooms.member(a.memberId)], ChatEvents.conversation, { ...view, labels: [], flaggedCount: 0 });
  }

  read(a: Audience, event: ChatReadEvent): void {
    this.emit(this.targets(a, false), ChatEvents.read, event);
  }

  typing(a: Audience, event: ChatTypingEvent): void {
    const targets = event.who === 'member' ? this.targets(a, false).filter((r) => r !== rooms.member(a.memberId ?? '')) : a.memberId ? [rooms.member(a.memberId), rooms.watch(a.conversationId)] : [];
    this.emit(targets, ChatEvents.typing, event);
  }

  private emit(targets: string[], event: string, payload: unknown): void {
    if (!this.ns || targets.length === 0) return;
    try {
      this.ns.to(targets).emit(event, payload);
    } catch (e) {
      this.logger.warn(`could not publish ${event}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
}
