import type { ChatMessageView, ConversationView, MemberChatResponse, MemberTicketView } from '@glow/contracts';

const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 2, minute)).toISOString();

/** A stored text message of conversation c-1 from the advisor, `seq` minutes past 10:00 Shanghai time. */
export function chatMessage(seq: number, overrides: Partial<ChatMessageView> = {}): ChatMessageView {
  return {
    id: `msg-${seq}`,
    conversationId: 'c-1',
    seq,
    senderKind: 'advisor',
    senderId: 'staff-1',
    senderName: '顾问小林',
    type: 'text',
    body: { text: `消息${seq}` },
    clientId: null,
    flagged: false,
    delivery: null,
    createdAt: at(seq),
    ...overrides,
  };
}

export function conversationView(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: 'c-1',
    memberId: 'm-1',
    memberName: '小美',
    memberAvatarUrl: null,
    tierName: '银卡',
    channel: 'app',
    status: 'open',
    storeId: 'st-1',
    storeName: '上海静安嘉里中心店',
    advisorId: 'staff-1',
    advisorName: '顾问小林',
    labels: [],
    waitingSince: null,
    botActive: false,
    lastSeq: 2,
    lastMessage: null,
    memberReadSeq: 0,
    advisorReadSeq: 0,
    unread: 0,
    flaggedCount: 0,
    wechatWindow: null,
    createdAt: at(0),
    resolvedAt: null,
    ...overrides,
  };
}

/** GET /me/chat: an open conversation with an advisor, two messages, someone online. */
export function memberChat(overrides: Partial<MemberChatResponse> = {}): MemberChatResponse {
  return {
    conversation: conversationView(),
    messages: [chatMessage(1, { senderKind: 'member', senderId: 'm-1', senderName: null, body: { text: '你好' }, clientId: 'chat-first-0001' }), chatMessage(2)],
    serviceHours: '10:00-22:00',
    advisorsOnline: true,
    ...overrides,
  };
}

export function memberTicket(overrides: Partial<MemberTicketView> = {}): MemberTicketView {
  return {
    id: 't-1',
    ticketNo: 'T2612010001',
    title: '精华液过敏',
    category: 'allergy',
    status: 'waiting_member',
    createdAt: at(0),
    updatedAt: at(30),
    events: [
      { kind: 'created', status: 'new', text: '工单已创建', at: at(0), byMember: false },
      { kind: 'status', status: 'waiting_member', text: '请提供购买凭证照片', at: at(30), byMember: false },
    ],
    csatOpenUntil: null,
    csat: null,
    ...overrides,
  };
}
