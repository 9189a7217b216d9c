import type { ChatMessageView, ConversationStatus, ConversationView, Customer360View, InboxView } from '@glow/contracts';
import { validateChatSend } from '@glow/domain';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Badge, Empty, Flex, Result, Switch, Tooltip, Typography } from 'antd';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useChatSocket, type ChatConnectionState, type ChatSocket } from '../../api/chat-socket';
import {
  getConversation,
  listAdvisors,
  listConversations,
  markConversationRead,
  serviceKeys,
  updateAdvisorSettings,
  type InboxSearch,
} from '../../api/service.service';
import { useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { useDebounced } from '../../shared/use-debounced';
import { useNow } from '../appointments/use-now';
import { lastSeqOf, sortInbox, TYPING_IDLE_MS, TYPING_SHOWN_MS, typingDue, unreadTotal } from './chat-state';
import type { ComposerSend } from './chat-composer';
import { ConversationPanel } from './conversation.panel';
import { Customer360Panel } from './customer-360.panel';
import { InboxList } from './inbox-list';
import { TicketFormDrawer, type TicketPrefill } from './ticket-form.drawer';
import { useChatSender } from './use-chat-sender';
import { useInboxCache } from './use-inbox-cache';

const CONNECTION_LABELS: Record<ChatConnectionState, { text: string; status: 'success' | 'processing' | 'error' }> = {
  connected: { text: '已连接', status: 'success' },
  connecting: { text: '连接中…', status: 'processing' },
  disconnected: { text: '已断开', status: 'error' },
};

/** Catch-up pages at most this many times in a row (200 messages each) before leaving the rest to the history. */
const MAX_SYNC_PAGES = 10;

function usePageVisible(): boolean {
  const [visible, setVisible] = useState(() => typeof document === 'undefined' || document.visibilityState !== 'hidden');
  useEffect(() => {
    const update = () => setVisible(document.visibilityState !== 'hidden');
    document.addEventListener('visibilitychange', update);
    return () => document.removeEventListener('visibilitychange', update);
  }, []);
  return visible;
}

/** The advisor's own switch: still online, but taking new conversations or not. */
function PresenceSwitch({ socket, staffId }: { socket: ChatSocket | null; staffId: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const advisors = useQuery({ queryKey: serviceKeys.advisors, queryFn: ({ signal }) => listAdvisors(signal) });
  const me = advisors.data?.find((advisor) => advisor.staffId === staffId);
  const [accepting, setAccepting] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);
  const checked = accepting ?? me?.accepting ?? true;

  const change = async (next: boolean) => {
    setSaving(true);
    try {
      let saved;
      if (socket?.isConnected()) {
        const ack = await socket.presence(next);
        if (!ack.ok) throw new Error(ack.message);
        saved = ack.data;
      } else {
        saved = await updateAdvisorSettings({ accepting: next });
      }
      setAccepting(saved.accepting);
      queryClient.setQueryData(serviceKeys.advisors, advisors.data?.map((advisor) => (advisor.staffId === saved.staffId ? saved : advisor)));
      message.success(saved.accepting ? '已开始接待新会话' : '已暂停接待：不再分配新会话，已有会话照常');
    } catch (error) {
      message.error(error instanceof Error ? error.message : '切换失败');
    } finally {
      setSaving(false);
    }
  };

  return (
    <Tooltip title="暂停接待后仍在线，但不再分配新会话">
      <Switch id="presence-switch" checked={checked} loading={saving} checkedChildren="接待中" unCheckedChildren="暂停接待" onChange={(next) => void change(next)} />
    </Tooltip>
  );
}

/** Typing signals to the member: at most one per throttle window, and a stop after a pause or a send. */
function useTypingSignal(socket: ChatSocket | null, conversationId: string | null) {
  const lastSent = useRef<number | null>(null);
  const idle = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = useCallback(() => {
    if (idle.current) clearTimeout(idle.current);
    idle.current = null;
    if (lastSent.current !== null && socket && conversationId) socket.typing({ conversationId, typing: false });
    lastSent.current = null;
  }, [socket, conversationId]);

  const start = useCallback(() => {
    if (!socket || !conversationId) return;
    const now = Date.now();
    if (typingDue(lastSent.current, now)) {
      socket.typing({ conversationId, typing: true });
      lastSent.current = now;
    }
    if (idle.current) clearTimeout(idle.current);
    idle.current = setTimeout(stop, TYPING_IDLE_MS);
  }, [socket, conversationId, stop]);

  useEffect(() => stop, [stop]);
  return { start, stop };
}

/** Whether the member is typing, per conversation; an indicator without a stop goes away by itself. */
function useMemberTyping() {
  const [typing, setTyping] = useState<Record<string, boolean>>({});
  const timers = useRef(new Map<string, ReturnType<typeof setTimeout>>());
  const set = useCallback((conversationId: string, on: boolean) => {
    const timer = timers.current.get(conversationId);
    if (timer) clearTimeout(timer);
    if (on) timers.current.set(conversationId, setTimeout(() => setTyping((current) => ({ ...current, [conversationId]: false })), TYPING_SHOWN_MS));
    setTyping((current) => (current[conversationId] === on ? current : { ...current, [conversationId]: on }));
  }, []);
  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((timer) => clearTimeout(timer));
  }, []);
  return { typing, set };
}

function Workbench() {
  const { message: toast } = App.useApp();
  const session = useSession();
  const staffId = session?.staff.id ?? '';
  const role = session?.staff.role;
  const queryClient = useQueryClient();
  const canSupervise = useCan('service:supervise');
  const canTicket = useCan('service:ticket');
  const canTag = useCan('member:tag');
  const canBook = useCan('appointment:operate');
  const [params, setParams] = useSearchParams();
  const views: InboxView[] = ['mine', 'queue', ...(role === 'store_manager' ? (['store'] as const) : []), ...(role === 'admin' ? (['all'] as const) : [])];
  const requested = params.get('view') as InboxView | null;
  const view: InboxView = requested && views.includes(requested) ? requested : 'mine';
  const selectedId = params.get('c');
  const [status, setStatus] = useState<ConversationStatus | undefined>(undefined);
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim().slice(0, 40), 300) || undefined;
  const now = useNow(30_000);
  const visible = usePageVisible();
  const cache = useInboxCache(staffId);
  const memberTyping = useMemberTyping();
  const [ticketPrefill, setTicketPrefill] = useState<TicketPrefill | null>(null);

  const listSearch = (which: InboxView): InboxSearch => (which === 'queue' ? { view: which, q } : { view: which, status, q });
  const inboxQuery = (which: InboxView, enabled = true) => ({
    queryKey: serviceKeys.inbox(listSearch(which)),
    queryFn: ({ signal }: { signal: AbortSignal }) => listConversations(listSearch(which), signal),
    select: (list: ConversationView[]) => sortInbox(which, list),
    enabled,
  });
  const mine = useQuery(inboxQuery('mine'));
  const queue = useQuery(inboxQuery('queue'));
  const wide = useQuery(inboxQuery(view === 'all' ? 'all' : 'store', view === 'store' || view === 'all'));
  const current = view === 'mine' ? mine : view === 'queue' ? queue : wide;

  const fromLists = (id: string | null) => [mine.data, queue.data, wide.data].flatMap((list) => list ?? []).find((conversation) => conversation.id === id);
  const selected = useQuery({
    queryKey: serviceKeys.conversation(selectedId ?? ''),
    queryFn: ({ signal }) => getConversation(selectedId ?? '', signal),
    enabled: selectedId !== null,
    initialData: () => fromLists(selectedId),
    staleTime: 30_000,
  });
  const conversation = selectedId ? selected.data : undefined;
  const readingId = conversation && visible && conversation.advisorId === staffId ? conversation.id : null;

  const onStored = (message: ChatMessageView) => {
    cache.applyMessages(message.conversationId, [message], readingId);
  };

  const { socket, state } = useChatSocket({
    message: (message) => {
      const known = cache.applyMessages(message.conversationId, [message], readingId);
      sender.settle([message]);
      if (message.senderKind === 'member') memberTyping.set(message.conversationId, false);
      // A conversation none of the lists holds yet (newly assigned to me): read the lists again.
      if (!known && message.conversationId !== selectedId) void queryClient.invalidateQueries({ queryKey: serviceKeys.inboxes });
    },
    conversation: (next) => {
      // A read of the lists that started before this push (e.g. after the member's first message) would answer without
      // it and overwrite it: when a conversation joins a list, the lists are read again (a running read is cancelled).
      if (cache.applyConversation(next)) void queryClient.invalidateQueries({ queryKey: serviceKeys.inboxes });
    },
    read: (event) => cache.applyRead(event),
    typing: (event) => {
      if (event.who === 'member') memberTyping.set(event.conversationId, event.typing);
    },
    // The open conversation catches up by itself once connected (see `watch`); the lists are read again.
    connected: ({ reconnect }) => {
      if (!reconnect) return;
      void queryClient.invalidateQueries({ queryKey: serviceKeys.inboxes });
      sender.resendLost();
    },
  });
  const sender = useChatSender(socket, onStored);
  const typingSignal = useTypingSignal(socket, conversation?.id ?? null);

  /** The same check the API makes (e.g. no coupon or booking cards over WeChat), said before anything is sent. */
  const send = (target: ConversationView, body: Parameters<ComposerSend>[0], preview: string) => {
    const [problem] = validateChatSend(body, 'advisor', target.channel);
    if (problem) toast.error(problem);
    else sender.send({ ...body, conversationId: target.id }, preview);
  };

  /**
   * Everything after the last seq held, page by page. A sync also makes the server send this socket the conversation's
   * events from now on (staff watch what they open), so it runs whenever a conversation is opened or the connection
   * comes back.
   */
  const catchUp = async (conversationId: string) => {
    if (!socket) return;
    let afterSeq = lastSeqOf(queryClient.getQueryData<ChatMessageView[]>(serviceKeys.messages(conversationId)));
    for (let page = 0; page < MAX_SYNC_PAGES; page++) {
      const ack = await socket.sync({ conversationId, afterSeq }).catch(() => null);
      if (!ack?.ok) return;
      if (ack.data.conversation) cache.applyConversation(ack.data.conversation);
      cache.applyMessages(conversationId, ack.data.messages, readingId);
      sender.settle(ack.data.messages);
      if (!ack.data.more || ack.data.messages.length === 0) return;
      afterSeq = lastSeqOf(ack.data.messages);
    }
  };

  const latestCatchUp = useRef(catchUp);
  useEffect(() => {
    latestCatchUp.current = catchUp;
  });
  const watch = useCallback((conversationId: string) => void latestCatchUp.current(conversationId), []);

  const readSent = useRef(new Map<string, number>());
  const markRead = useCallback(
    (seq: number) => {
      const id = conversation?.id;
      if (!id || (readSent.current.get(id) ?? 0) >= seq) return;
      readSent.current.set(id, seq);
      // A read position that did not reach the server is sent again the next time the conversation is looked at.
      const forget = () => readSent.current.delete(id);
      if (socket?.isConnected()) void socket.read({ conversationId: id, seq }).then((ack) => !ack.ok && forget(), forget);
      else void markConversationRead(id, seq).catch(forget);
      cache.applyRead({ conversationId: id, reader: 'advisor', seq });
    },
    [conversation?.id, socket, cache],
  );

  const select = (id: string) => {
    const next = new URLSearchParams(params);
    next.set('c', id);
    setParams(next);
  };
  const changeView = (next: InboxView) => {
    const search = new URLSearchParams(params);
    search.set('view', next);
    setParams(search);
  };

  const badges: Partial<Record<InboxView, number>> = { mine: unreadTotal(mine.data), queue: queue.data?.length ?? 0 };
  const connection = CONNECTION_LABELS[state];
  const canWrite = conversation !== undefined && conversation.advisorId === staffId && (conversation.wechatWindow?.open ?? true);

  return (
    <Flex gap={12} id="service-inbox" style={{ height: 'calc(100vh - 112px)', minHeight: 560 }}>
      <div style={{ width: 300, flexShrink: 0, background: '#fff', borderRadius: 8, padding: 12 }}>
        <InboxList
          header={
            <Flex justify="space-between" align="center">
              <Typography.Text strong>会话工作台</Typography.Text>
              <Flex gap={8} align="center">
                <span id="chat-connection" data-state={state}>
                  <Badge status={connection.status} text={connection.text} />
                </span>
                {/* Routing hands conversations to advisors; store managers and admins take them from the queue. */}
                {role === 'advisor' && <PresenceSwitch socket={socket} staffId={staffId} />}
              </Flex>
            </Flex>
          }
          views={views}
          view={view}
          onView={changeView}
          badges={badges}
          status={status}
          onStatus={setStatus}
          search={typed}
          onSearch={setTyped}
          conversations={current.data}
          loading={current.isPending}
          error={current.error}
          selectedId={selectedId}
          onSelect={select}
          now={now}
        />
      </div>
      <div style={{ flex: 1, minWidth: 420 }}>
        {conversation ? (
          <ConversationPanel
            conversation={conversation}
            staffId={staffId}
            canSupervise={canSupervise}
            canTicket={canTicket}
            // Everyone at the workbench may compensate in a conversation (see 'service:chat').
            canCompensate
            visible={visible}
            connected={state === 'connected'}
            onWatch={watch}
            now={now}
            memberTyping={memberTyping.typing[conversation.id] ?? false}
            pending={sender.pending}
            onSend={(body, preview) => {
              typingSignal.stop();
              send(conversation, body, preview);
            }}
            onResend={sender.resend}
            onTyping={typingSignal.start}
            onStopTyping={typingSignal.stop}
            onRead={markRead}
            onConversation={cache.applyConversation}
            onStored={onStored}
            onCreateTicket={() => {
              // The 360 panel beside the conversation has read the member's bookings already.
              const view = conversation.memberId ? queryClient.getQueryData<Customer360View>(serviceKeys.customer360(conversation.memberId)) : undefined;
              setTicketPrefill({
                memberId: conversation.memberId ?? '',
                memberName: conversation.memberName,
                conversationId: conversation.id,
                bookings: view ? [...view.bookings.upcoming, ...view.bookings.past] : undefined,
              });
            }}
          />
        ) : (
          <Flex align="center" justify="center" style={{ height: '100%', background: '#fff', borderRadius: 8 }}>
            <div id="conversation-empty">
              <Empty description={selectedId && selected.error ? selected.error.message : '从左侧选择一个会话'} />
            </div>
          </Flex>
        )}
      </div>
      {conversation?.memberId && (
        <div style={{ width: 320, flexShrink: 0 }}>
          <Customer360Panel
            memberId={conversation.memberId}
            conversation={conversation}
            canWrite={canWrite}
            canCompensate
            canTag={canTag}
            canBook={canBook}
            onSend={(body, preview) => send(conversation, body, preview)}
            onCompensated={onStored}
          />
        </div>
      )}
      <TicketFormDrawer
        open={ticketPrefill !== null}
        prefill={ticketPrefill}
        onClose={() => setTicketPrefill(null)}
        // The new ticket shows in the 360 panel's ticket list, with its link; the advisor stays in the conversation.
        onCreated={() => setTicketPrefill(null)}
      />
    </Flex>
  );
}

/** The advisor's chat workbench: the inbox, the open conversation and the member's 360 view, live over the chat socket. */
export function ServiceInboxPage() {
  const allowed = useCan('service:chat');
  if (!allowed) return <Result status="403" title="没有权限使用会话工作台" subTitle="会话工作台仅对顾问、店长与管理员开放" />;
  return <Workbench />;
}
