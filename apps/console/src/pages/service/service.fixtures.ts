import type {
  AdvisorAvailabilityView,
  CannedReplyView,
  ChatMessageView,
  ConversationView,
  Customer360View,
  KbArticleView,
  ServiceMetricsResponse,
  ServiceMetricsRow,
  TaskView,
  TicketDetailView,
  TicketView,
} from '@glow/contracts';

/* Fixtures shared by the service specs. Instants are UTC (the specs run with TZ=UTC). */

/** The advisor signed in by `signInAs('advisor')`. */
export const ME = 'staff-advisor';
export const MEMBER_ID = 'm-1';
export const CONVERSATION_ID = 'conv-1';

export function conversation(overrides: Partial<ConversationView> = {}): ConversationView {
  return {
    id: CONVERSATION_ID,
    memberId: MEMBER_ID,
    memberName: '王晓雯',
    memberAvatarUrl: null,
    tierName: '金卡',
    channel: 'app',
    status: 'open',
    storeId: 'store-1',
    storeName: '上海静安店',
    advisorId: ME,
    advisorName: '测试advisor',
    labels: [],
    waitingSince: null,
    botActive: false,
    lastSeq: 3,
    lastMessage: { seq: 3, type: 'text', preview: '这款精华敏感肌能用吗？', at: '2026-11-20T02:05:00.000Z', senderKind: 'member' },
    memberReadSeq: 2,
    advisorReadSeq: 2,
    unread: 1,
    flaggedCount: 0,
    wechatWindow: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

export function message(overrides: Partial<ChatMessageView> = {}): ChatMessageView {
  const seq = overrides.seq ?? 1;
  return {
    id: `msg-${seq}`,
    conversationId: CONVERSATION_ID,
    seq,
    senderKind: 'member',
    senderId: MEMBER_ID,
    senderName: '王晓雯',
    type: 'text',
    body: { text: `第 ${seq} 条` },
    clientId: null,
    flagged: false,
    delivery: null,
    createdAt: '2026-11-20T02:00:00.000Z',
    ...overrides,
  };
}

/** A short conversation: the member asks, the bot answers, the advisor follows up, the member asks again. */
export function thread(): ChatMessageView[] {
  return [
    message({ seq: 1, body: { text: '你好，想咨询一下' }, createdAt: '2026-11-19T12:00:00.000Z' }),
    message({ seq: 2, senderKind: 'bot', senderId: null, senderName: null, body: { text: '您好，我是智能助手', articleId: 'kb-1' }, createdAt: '2026-11-19T12:00:05.000Z' }),
    message({ seq: 3, senderKind: 'advisor', senderId: ME, senderName: '测试advisor', body: { text: '您好，我是您的专属顾问' }, createdAt: '2026-11-20T02:01:00.000Z' }),
    message({ seq: 4, body: { text: '这款精华敏感肌能用吗？' }, createdAt: '2026-11-20T02:05:00.000Z' }),
  ];
}

export function advisor(overrides: Partial<AdvisorAvailabilityView> = {}): AdvisorAvailabilityView {
  return { staffId: 'adv-2', name: '周美琳', storeId: 'store-1', online: true, accepting: true, openConversations: 2, capacity: 8, ...overrides };
}

export function customer360(overrides: Partial<Customer360View> = {}): Customer360View {
  return {
    member: {
      id: MEMBER_ID,
      memberNo: 'GM2026000123',
      name: '王晓雯',
      avatarUrl: null,
      phoneMasked: '138****8000',
      gender: 'female',
      birthday: '1995-03-08',
      city: '上海',
      joinedAt: '2025-05-01T02:00:00.000Z',
      storeName: '上海静安店',
      advisorId: ME,
      advisorName: '测试advisor',
    },
    tier: { name: '金卡', nextName: '黑金卡', progressPercent: 64, toNextLabel: '再消费 ¥1,800 升级黑金卡' },
    points: { balance: 3200, expiringSoon: 500, expiringOn: '2026-12-31' },
    skin: { skinType: '混合性肌肤', concerns: ['泛红', '缺水'], testedAt: '2026-10-01T02:00:00.000Z' },
    tags: [{ id: 'tag-1', name: '敏感肌' }],
    coupons: [{ id: 'mc-1', name: '满300减50', summary: '满 ¥300 减 ¥50', validUntil: '2026-12-31T15:59:59.000Z' }],
    bookings: {
      upcoming: [{ id: 'b-1', serviceName: '专业试妆', storeName: '上海静安店', startsAt: '2026-11-25T06:00:00.000Z', status: 'booked' }],
      past: [{ id: 'b-0', serviceName: '肤质检测', storeName: '上海静安店', startsAt: '2026-10-01T06:00:00.000Z', status: 'completed' }],
    },
    orders: [{ id: 'o-1', orderNo: 'SO2026110100001', channel: 'store', paidFen: 68000, paidAt: '2026-11-01T06:00:00.000Z', items: '水光精华 ×1' }],
    repurchaseDue: [
      { productId: 'p-1', productName: '水光精华', dueOn: '2026-11-15', overdue: true },
      { productId: 'p-2', productName: '舒缓面霜', dueOn: '2026-12-20', overdue: false },
    ],
    conversations: [{ id: 'conv-0', channel: 'wechat', status: 'resolved', createdAt: '2026-09-01T02:00:00.000Z', lastPreview: '谢谢' }],
    tickets: [{ id: 'ticket-0', ticketNo: 'T2609010001', title: '快递破损', status: 'closed', createdAt: '2026-09-01T02:00:00.000Z' }],
    ...overrides,
  };
}

export function ticket(overrides: Partial<TicketView> = {}): TicketView {
  return {
    id: 'ticket-1',
    ticketNo: 'T2611200001',
    memberId: MEMBER_ID,
    memberName: '王晓雯',
    storeId: 'store-1',
    category: 'allergy',
    priority: 'high',
    status: 'new',
    title: '使用精华后泛红',
    description: '会员反馈使用两天后脸颊泛红',
    orderId: null,
    orderNo: null,
    bookingId: null,
    conversationId: CONVERSATION_ID,
    assigneeId: ME,
    assigneeName: '测试advisor',
    slaDueAt: '2026-11-21T02:00:00.000Z',
    overdue: false,
    escalationLevel: 0,
    createdAt: '2026-11-20T02:00:00.000Z',
    updatedAt: '2026-11-20T02:00:00.000Z',
    resolvedAt: null,
    closedAt: null,
    ...overrides,
  };
}

export function ticketDetail(overrides: Partial<TicketDetailView> = {}): TicketDetailView {
  return {
    ...ticket(overrides),
    events: [
      {
        id: 'ev-1',
        kind: 'created',
        actorKind: 'staff',
        actorName: '测试advisor',
        fromStatus: null,
        toStatus: 'new',
        note: null,
        internal: false,
        detail: {},
        createdAt: '2026-11-20T02:00:00.000Z',
      },
    ],
    compensations: [],
    csat: null,
    ...overrides,
  };
}

export function task(overrides: Partial<TaskView> = {}): TaskView {
  return {
    id: 'task-1',
    memberId: MEMBER_ID,
    memberName: '王晓雯',
    advisorId: ME,
    advisorName: '测试advisor',
    kind: 'purchase-3d',
    title: '回访水光精华使用感受',
    dueOn: '2026-11-20',
    status: 'open',
    outcome: null,
    doneAt: null,
    campaignId: null,
    overdue: false,
    createdAt: '2026-11-17T02:00:00.000Z',
    ...overrides,
  };
}

export function kbArticle(overrides: Partial<KbArticleView> = {}): KbArticleView {
  return {
    id: 'kb-1',
    question: '怎么查询物流？',
    keywords: ['物流', '快递'],
    synonyms: ['发货', '到哪了'],
    answer: '您可以在「我的订单」中查看物流信息。',
    category: 'order',
    enabled: true,
    answeredCount: 120,
    handoverCount: 12,
    updatedAt: '2026-11-10T02:00:00.000Z',
    ...overrides,
  };
}

export function cannedReply(overrides: Partial<CannedReplyView> = {}): CannedReplyView {
  return { id: 'cr-1', title: '欢迎语', body: '您好，很高兴为您服务～', ownerId: null, shared: true, updatedAt: '2026-11-10T02:00:00.000Z', ...overrides };
}

export function metricsRow(overrides: Partial<ServiceMetricsRow> = {}): ServiceMetricsRow {
  return {
    id: 'adv-1',
    name: '林可欣',
    storeName: '上海静安店',
    conversations: 40,
    firstResponseSeconds: 90,
    avgResponseSeconds: 120,
    resolutionSeconds: 3600,
    csatAverage: 4.6,
    csatCount: 20,
    ticketsResolved: 5,
    tasksDone: 30,
    tasksOpen: 4,
    attributedSalesFen: 1_200_000,
    ...overrides,
  };
}

export function serviceMetrics(overrides: Partial<ServiceMetricsResponse> = {}): ServiceMetricsResponse {
  return {
    from: '2026-11-01',
    to: '2026-11-20',
    advisors: [metricsRow(), metricsRow({ id: 'adv-2', name: '周美琳', conversations: 25, firstResponseSeconds: 300, csatAverage: 4.1, tasksDone: 12 })],
    stores: [metricsRow({ id: 'store-1', name: '上海静安店', storeName: null, conversations: 65 }), metricsRow({ id: 'store-2', name: '北京国贸店', storeName: null, conversations: 30, csatAverage: null })],
    daily: [
      { day: '2026-11-19', conversations: 10, firstResponseSeconds: 120, csatAverage: 4.5 },
      { day: '2026-11-20', conversations: 12, firstResponseSeconds: null, csatAverage: null },
    ],
    ...overrides,
  };
}
