import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { useDidHide, useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { ChatAck, ChatImageBody, ChatMessageView, ConversationView, CsatSubject, SendChatMessageDto } from '@glow/contracts';
import { CHAT_IMAGE_MAX_BYTES, CHAT_TEXT_MAX } from '@glow/domain';
import { CHAT_ACK_TIMEOUT, CHAT_OFFLINE, type ChatSocket, connectMemberChat } from '../../../../services/chat-socket';
import { errorMessage, isApiError } from '../../../../services/http';
import { getMemberChat, listChatMessages, markChatRead, requestHandover, sendChatMessage, submitCsat, uploadChatImage } from '../../../../services/service.service';
import {
  EMPTY_CHAT,
  type ChatState,
  type PendingMessage,
  type PendingPreview,
  addPending,
  applyReadEvent,
  dropPending,
  duePending,
  hasOlder,
  lastSeqOf,
  markFailed,
  markReadReported,
  markSent,
  oldestSeqOf,
  readSeqToReport,
  receiveMessages,
  resendAllNow,
  retryPending,
  shouldSendTyping,
  withConversation,
} from '../../../../utils/chat-state';
import { assetUrl } from '../../../../utils/asset-url';
import { newIdempotencyKey, outcomeUnknown } from '../../../../utils/idempotency';
import { rememberRating } from '../../csat-memory';

export type ChatLoad = { status: 'loading' } | { status: 'ready' } | { status: 'error'; message: string; notMember: boolean };
export type Connection = 'connecting' | 'online' | 'offline';

/** A card the page was opened to send (咨询顾问 from a booking or a product). */
export type CardOffer = { type: 'booking'; bookingId: string } | { type: 'product'; productId: string };

const CONTENT_BLOCKED = 'CHAT_CONTENT_BLOCKED';
const OLDER_PAGE = 30;
/** A sync answers at most 200 messages; this bounds the catch-up rounds after one reconnect. */
const MAX_SYNC_ROUNDS = 10;
/** How often pending messages are checked for a resend. */
const RESEND_TICK_MS = 1_000;
/** Stop showing 顾问正在输入… when no typing event refreshed it for this long. */
const ADVISOR_TYPING_TTL_MS = 8_000;
/** Tell the advisor the member stopped typing after this long without a keystroke. */
const TYPING_IDLE_MS = 5_000;

/**
 * The member's chat with an advisor (or the bot before one takes over). History comes over HTTP, live traffic over the
 * socket; after every (re)connect the page catches up with `sync` from the last seq it has, then resends what is still
 * unconfirmed with the same clientId. With the socket down, sending falls back to HTTP.
 */
export function useChat() {
  const { params } = useRouter();
  const [load, setLoad] = useState<ChatLoad>({ status: 'loading' });
  const [chat, setChat] = useState<ChatState>(EMPTY_CHAT);
  const [conversation, setConversation] = useState<ConversationView | null>(null);
  const [hours, setHours] = useState<{ serviceHours: string; advisorsOnline: boolean } | null>(null);
  const [connection, setConnection] = useState<Connection>('connecting');
  const [draft, setDraft] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [advisorTyping, setAdvisorTyping] = useState(false);
  const [uploading, setUploading] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [handingOver, setHandingOver] = useState(false);
  const [visible, setVisible] = useState(true);
  const [card, setCard] = useState<CardOffer | null>(() => cardFrom(params));

  // The latest chat state for callbacks that outlive a render (socket events, timers, acks).
  const chatRef = useRef<ChatState>(EMPTY_CHAT);
  const socketRef = useRef<ChatSocket | null>(null);
  const readInFlight = useRef(false);
  const typingSentAt = useRef<number | null>(null);
  const typingIdleTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const advisorTypingTimer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const update = useCallback((change: (state: ChatState) => ChatState) => {
    const next = change(chatRef.current);
    if (next === chatRef.current) return;
    chatRef.current = next;
    setChat(next);
  }, []);

  /** Shows a conversation's details if it is (still) the current one. */
  const showConversation = useCallback(
    (view: ConversationView | null) => {
      update((state) => withConversation(state, view));
      if (view && chatRef.current.conversationId === view.id) setConversation(view);
    },
    [update],
  );

  const stopAdvisorTyping = useCallback(() => {
    if (advisorTypingTimer.current) clearTimeout(advisorTypingTimer.current);
    advisorTypingTimer.current = null;
    setAdvisorTyping(false);
  }, []);

  const receive = useCallback(
    (messages: ChatMessageView[]) => {
      update((state) => receiveMessages(state, messages));
      if (messages.some((m) => m.senderKind === 'advisor')) stopAdvisorTyping();
    },
    [update, stopAdvisorTyping],
  );

  /** What came back for one attempt: stored, refused for good, or unknown (then the resend timer tries again). */
  const settle = useCallback(
    (pending: PendingMessage, answer: ChatAck<ChatMessageView>) => {
      if (answer.ok) {
        receive([answer.data]);
        return;
      }
      if (answer.code === CHAT_OFFLINE || answer.code === CHAT_ACK_TIMEOUT) return;
      if (answer.code === CONTENT_BLOCKED) {
        // Nothing was stored: the text goes back to the input with WeChat's verdict under it.
        update((state) => dropPending(state, pending.clientId));
        if (pending.preview.kind === 'text') {
          const text = pending.preview.text;
          setDraft((current) => (current.trim() === '' ? text : current));
        }
        setInputError(answer.message);
        return;
      }
      update((state) => markFailed(state, pending.clientId, answer.message));
    },
    [receive, update],
  );

  const attempt = useCallback(
    async (pending: PendingMessage) => {
      update((state) => markSent(state, pending.clientId, Date.now()));
      const socket = socketRef.current;
      const answer = socket?.connected ? await socket.send(pending.message) : await sendOverHttp(pending.message);
      settle(pending, answer);
    },
    [settle, update],
  );

  const flushPending = useCallback(() => {
    const { state, due } = duePending(chatRef.current, Date.now());
    update(() => state);
    for (const pending of due) void attempt(pending);
  }, [attempt, update]);

  const catchUp = useCallback(async () => {
    const socket = socketRef.current;
    if (!socket) return;
    const known = chatRef.current.conversationId;
    let afterSeq = lastSeqOf(chatRef.current);
    let restarted = false;
    for (let round = 0; round < MAX_SYNC_ROUNDS; round += 1) {
      const answer = await socket.sync({ afterSeq });
      // No answer: the next reconnect syncs again.
      if (!answer.ok) break;
      const { conversation: current, messages, more } = answer.data;
      showConversation(current);
      receive(messages);
      // A new conversation began while we were away: its seq started again at 1, so fetch it from the start.
      if (current && known && current.id !== known && !restarted) {
        restarted = true;
        afterSeq = 0;
        continue;
      }
      if (!more) break;
      afterSeq = lastSeqOf(chatRef.current);
    }
    update(resendAllNow);
    flushPending();
  }, [flushPending, receive, showConversation, update]);

  const fetchChat = useCallback(async () => {
    setLoad({ status: 'loading' });
    try {
      const response = await getMemberChat();
      setHours({ serviceHours: response.serviceHours, advisorsOnline: response.advisorsOnline });
      showConversation(response.conversation);
      receive(response.messages);
      setLoad({ status: 'ready' });
      return true;
    } catch (error) {
      setLoad({ status: 'error', message: errorMessage(error), notMember: isApiError(error) && error.code === 'MEMBER_NOT_JOINED' });
      return false;
    }
  }, [receive, showConversation]);

  // Latest handlers for the socket, which is created once.
  const handlers = useRef({ catchUp, receive, showConversation, update, stopAdvisorTyping });
  handlers.current = { catchUp, receive, showConversation, update, stopAdvisorTyping };

  const connect = useCallback(() => {
    if (socketRef.current) return;
    socketRef.current = connectMemberChat({
      connect: () => {
        setConnection('online');
        void handlers.current.catchUp();
      },
      disconnect: () => setConnection('offline'),
      refused: () => setConnection('offline'),
      message: (message) => handlers.current.receive([message]),
      read: (event) => handlers.current.update((state) => applyReadEvent(state, event)),
      conversation: (view) => handlers.current.showConversation(view),
      typing: (event) => {
        if (event.who !== 'advisor' || event.conversationId !== chatRef.current.conversationId) return;
        handlers.current.stopAdvisorTyping();
        if (!event.typing) return;
        setAdvisorTyping(true);
        advisorTypingTimer.current = setTimeout(() => setAdvisorTyping(false), ADVISOR_TYPING_TTL_MS);
      },
    });
  }, []);

  useEffect(() => {
    let alive = true;
    void fetchChat().then((ok) => {
      if (ok && alive) connect();
    });
    const resend = setInterval(() => {
      if (chatRef.current.pending.length > 0) flushPending();
    }, RESEND_TICK_MS);
    return () => {
      alive = false;
      clearInterval(resend);
      if (typingIdleTimer.current) clearTimeout(typingIdleTimer.current);
      if (advisorTypingTimer.current) clearTimeout(advisorTypingTimer.current);
      socketRef.current?.close();
      socketRef.current = null;
    };
    // Runs once per page: these callbacks only depend on refs and setters, so they never change.
  }, [fetchChat, connect, flushPending]);

  useDidShow(() => setVisible(true));
  useDidHide(() => setVisible(false));

  // Report what the member has now seen: over the socket, or over HTTP while it is down.
  useEffect(() => {
    if (!visible || load.status !== 'ready' || readInFlight.current) return;
    const seq = readSeqToReport(chat);
    if (seq === null) return;
    readInFlight.current = true;
    const socket = socketRef.current;
    const report = socket?.connected
      ? socket.read(seq).then((ack) => ack.ok)
      : markChatRead(seq).then(
          () => true,
          () => false,
        );
    void report.then((ok) => {
      readInFlight.current = false;
      if (ok) update((state) => markReadReported(state, seq));
    });
  }, [chat, visible, load.status, connection, update]);

  // Keep the newest message in view when one arrives or is written (not when older ones are loaded above).
  const lastKey = chat.pending.length > 0 ? chat.pending[chat.pending.length - 1].clientId : (chat.messages[chat.messages.length - 1]?.id ?? '');
  useEffect(() => {
    if (load.status === 'ready') void Taro.pageScrollTo({ scrollTop: 1_000_000, duration: 0 }).catch(() => undefined);
  }, [lastKey, advisorTyping, load.status]);

  const stopTyping = useCallback(() => {
    if (typingIdleTimer.current) clearTimeout(typingIdleTimer.current);
    typingIdleTimer.current = null;
    if (typingSentAt.current === null) return;
    typingSentAt.current = null;
    void socketRef.current?.typing(false);
  }, []);

  const edit = (value: string) => {
    setDraft(value);
    setInputError(null);
    const socket = socketRef.current;
    if (value.trim() === '' || !socket?.connected) return;
    const now = Date.now();
    if (shouldSendTyping(typingSentAt.current, now)) {
      typingSentAt.current = now;
      void socket.typing(true);
    }
    if (typingIdleTimer.current) clearTimeout(typingIdleTimer.current);
    typingIdleTimer.current = setTimeout(stopTyping, TYPING_IDLE_MS);
  };

  const enqueue = (message: Omit<SendChatMessageDto, 'clientId'>, preview: PendingPreview) => {
    update((state) => addPending(state, { ...message, clientId: newIdempotencyKey('chat') }, preview));
    flushPending();
  };

  const sendText = () => {
    const text = draft.trim();
    if (!text) return;
    if (text.length > CHAT_TEXT_MAX) {
      setInputError(`消息最多 ${CHAT_TEXT_MAX} 字`);
      return;
    }
    setDraft('');
    setInputError(null);
    stopTyping();
    enqueue({ type: 'text', text }, { kind: 'text', text });
  };

  const sendImage = async () => {
    let picked: { path: string; size?: number } | null;
    try {
      picked = await pickImage();
    } catch {
      // Closing the picker rejects; nothing to report.
      return;
    }
    if (!picked) return;
    if (picked.size !== undefined && picked.size > CHAT_IMAGE_MAX_BYTES) {
      setInputError('图片不能超过 2MB');
      return;
    }
    setUploading(true);
    setInputError(null);
    try {
      const { imageId } = await uploadChatImage(picked.path);
      enqueue({ type: 'image', imageId }, { kind: 'image', path: picked.path });
    } catch (error) {
      setInputError(errorMessage(error));
    } finally {
      setUploading(false);
    }
  };

  const sendCard = () => {
    if (!card) return;
    if (card.type === 'booking') enqueue({ type: 'booking', bookingId: card.bookingId }, { kind: 'card', label: '预约信息' });
    else enqueue({ type: 'product', productId: card.productId }, { kind: 'card', label: '商品信息' });
    setCard(null);
  };

  const loadOlder = async () => {
    const oldest = oldestSeqOf(chatRef.current);
    if (oldest === null || !hasOlder(chatRef.current) || loadingOlder) return;
    setLoadingOlder(true);
    try {
      receive(await listChatMessages({ beforeSeq: oldest, limit: OLDER_PAGE }));
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      setLoadingOlder(false);
    }
  };

  usePullDownRefresh(() => {
    void loadOlder().finally(() => Taro.stopPullDownRefresh());
  });

  const handover = async () => {
    setHandingOver(true);
    try {
      showConversation(await requestHandover());
    } catch (error) {
      void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    } finally {
      setHandingOver(false);
    }
  };

  const rate = async (subject: CsatSubject, subjectId: string, score: number, comment: string) => {
    const trimmed = comment.trim();
    await submitCsat({ subject, subjectId, score, ...(trimmed ? { comment: trimmed } : {}) });
    rememberRating(subjectId, score);
  };

  // What a tap on an image previews: every image of the chat, as full URLs (the API returns paths).
  const imageUrls = chat.messages.filter((m) => m.type === 'image').map((m) => assetUrl((m.body as ChatImageBody).url) ?? '');

  return {
    load,
    retry: () => {
      void fetchChat().then((ok) => {
        if (ok) connect();
      });
    },
    chat,
    conversation,
    hours,
    connection,
    advisorTyping,
    draft,
    edit,
    inputError,
    sendText,
    sendImage: () => void sendImage(),
    uploading,
    retryPending: (clientId: string) => {
      update((state) => retryPending(state, clientId));
      flushPending();
    },
    card,
    sendCard,
    dismissCard: () => setCard(null),
    hasOlder: hasOlder(chat),
    loadingOlder,
    loadOlder: () => void loadOlder(),
    handingOver,
    handover: () => void handover(),
    rate,
    imageUrls,
  };
}

async function sendOverHttp(message: SendChatMessageDto): Promise<ChatAck<ChatMessageView>> {
  try {
    return { ok: true, data: await sendChatMessage(message) };
  } catch (error) {
    // No answer or a server error: it may have been stored; the resend with the same clientId will tell.
    if (outcomeUnknown(error) || !isApiError(error)) return { ok: false, code: CHAT_ACK_TIMEOUT, message: errorMessage(error) };
    return { ok: false, code: error.code, message: error.message };
  }
}

/** One image from the album or camera: WeChat's chooseMedia, the browser's file picker in H5. */
async function pickImage(): Promise<{ path: string; size?: number } | null> {
  if (process.env.TARO_ENV === 'weapp') {
    const { tempFiles } = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] });
    const file = tempFiles[0];
    return file ? { path: file.tempFilePath, size: file.size } : null;
  }
  const { tempFilePaths, tempFiles } = await Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['album', 'camera'] });
  return tempFilePaths[0] ? { path: tempFilePaths[0], size: tempFiles?.[0]?.size } : null;
}

function cardFrom(params: Partial<Record<string, string>>): CardOffer | null {
  if (params.bookingId) return { type: 'booking', bookingId: params.bookingId };
  if (params.productId) return { type: 'product', productId: params.productId };
  return null;
}
