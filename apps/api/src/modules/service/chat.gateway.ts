import { Logger, type OnModuleDestroy } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import {
  CHAT_NAMESPACE,
  CHAT_SOCKET_PATH,
  ChatEvents,
  ERRORS,
  ErrorCode,
  SendChatMessageDto,
  type ChatAck,
  type ChatMessageView,
  type ChatSyncResponse,
  type AdvisorAvailabilityView,
} from '@glow/contracts';
import type { Namespace, Socket } from 'socket.io';
import { AccessTokenService } from '../../platform/auth/access-token.service';
import type { Principal, StaffPrincipal } from '../../platform/auth/principal';
import { AppException } from '../../platform/errors/app.exception';
import { ChatFlow } from './chat-flow';
import { ChatHub, rooms } from './chat-hub';
import { ChatRouter } from './chat-router';
import { type ChatActor, ChatService } from './chat.service';

const HEARTBEAT_MS = 20_000;
const STAFF_CHAT_ROLES = new Set(['advisor', 'store_manager', 'admin']);

type AuthedSocket = Socket & { data: { principal: Principal } };

function fail(e: unknown): { ok: false; code: string; message: string } {
  if (e instanceof AppException) return { ok: false, code: e.code, message: e.extra.message ?? ERRORS[e.code].message };
  return { ok: false, code: ErrorCode.Internal, message: ERRORS[ErrorCode.Internal].message };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function seqOf(v: unknown): number | null {
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 2_000_000_000 ? v : null;
}

function idOf(v: unknown): string | undefined | null {
  if (v === undefined) return undefined;
  return typeof v === 'string' && /^[0-9a-f-]{36}$/i.test(v) ? v : null;
}

/**
 * The realtime side of chat (socket.io namespace `/chat`). Sockets authenticate with the same access token as HTTP;
 * members join their own room, staff their own and their store's queue. Every write goes through the same services
 * as HTTP, so a message is stored before any socket hears of it.
 */
@WebSocketGateway({ namespace: CHAT_NAMESPACE, path: CHAT_SOCKET_PATH, cors: { origin: true, credentials: true }, pingInterval: 20_000, pingTimeout: 20_000 })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, OnModuleDestroy {
  private readonly logger = new Logger(ChatGateway.name);
  /** Staff with a socket on this instance, and how many. */
  private readonly localStaff = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | null = null;

  constructor(
    private readonly tokens: AccessTokenService,
    private readonly hub: ChatHub,
    private readonly chat: ChatService,
    private readonly flow: ChatFlow,
    private readonly router: ChatRouter,
  ) {}

  afterInit(ns: Namespace): void {
    this.hub.attach(ns);
    ns.use((socket, next) => {
      const token = isRecord(socket.handshake.auth) ? socket.handshake.auth['token'] : undefined;
      const principal = typeof token === 'string' && token.length < 4096 ? this.tokens.verify(token) : null;
      if (!principal || principal.kind === 'pre_member') return next(new Error(ErrorCode.TokenInvalid));
      if (principal.kind === 'staff' && !STAFF_CHAT_ROLES.has(principal.role)) return next(new Error(ErrorCode.Forbidden));
      (socket as AuthedSocket).data.principal = principal;
      next();
    });
    this.heartbeat = setInterval(() => {
      this.router.heartbeat([...this.localStaff.keys()]).catch((e: unknown) => this.logger.warn(`presence heartbeat failed: ${String(e)}`));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  onModuleDestroy(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
  }

  async handleConnection(socket: Socket): Promise<void> {
    const p = (socket as AuthedSocket).data.principal;
    if (!p) return;
    if (p.kind === 'member') {
      await socket.join(rooms.member(p.memberId));
      return;
    }
    if (p.kind !== 'staff') return;
    await socket.join([rooms.staff(p.staffId), p.role === 'admin' ? rooms.allQueues : rooms.queue(p.storeId)]);
    this.localStaff.set(p.staffId, (this.localStaff.get(p.staffId) ?? 0) + 1);
    if (p.role === 'advisor') {
      try {
        await this.router.heartbeat([p.staffId]);
        await this.router.drainQueue(p.storeId);
      } catch (e) {
        this.logger.warn(`could not mark ${p.staffId} online: ${String(e)}`);
      }
    }
  }

  async handleDisconnect(socket: Socket): Promise<void> {
    const p = (socket as AuthedSocket).data.principal;
    if (!p || p.kind !== 'staff') return;
    const closedAt = new Date();
    const left = (this.localStaff.get(p.staffId) ?? 1) - 1;
    if (left > 0) this.localStaff.set(p.staffId, left);
    else this.localStaff.delete(p.staffId);
    if (p.role !== 'advisor' || left > 0) return;
    // Other instances may still hold a socket of theirs (the Redis adapter answers for all of them).
    const others = await this.hub.namespace?.in(rooms.staff(p.staffId)).fetchSockets().catch(() => []);
    if (!others || others.length === 0) await this.router.offline(p.staffId, closedAt).catch(() => undefined);
  }

  private actor(socket: Socket): ChatActor {
    const p = (socket as AuthedSocket).data.principal;
    if (p.kind === 'member') return { kind: 'member', memberId: p.memberId, openid: p.openid };
    return { ...(p as StaffPrincipal) };
  }

  @SubscribeMessage(ChatEvents.send)
  async send(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ChatAck<ChatMessageView>> {
    try {
      const dto = plainToInstance(SendChatMessageDto, isRecord(payload) ? payload : {});
      const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
      if (errors.length > 0) throw new AppException(ErrorCode.ChatMessageInvalid);
      const actor = this.actor(socket);
      const data =
        actor.kind === 'member'
          ? await this.flow.memberSend(actor.memberId, actor.openid, dto)
          : await this.chat.sendAsStaff(actor, dto.conversationId ?? this.required(), dto);
      return { ok: true, data };
    } catch (e) {
      return fail(e);
    }
  }

  @SubscribeMessage(ChatEvents.sync)
  async sync(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ChatAck<ChatSyncResponse>> {
    try {
      const body = isRecord(payload) ? payload : {};
      const afterSeq = seqOf(body['afterSeq']);
      const conversationId = idOf(body['conversationId']);
      if (afterSeq === null || conversationId === null) throw new AppException(ErrorCode.ValidationFailed);
      const actor = this.actor(socket);
      const { conversationId: id, ...data } = await this.chat.sync(actor, conversationId, afterSeq);
      // Staff who open a conversation watch it (they hear its messages even when it is not assigned to them).
      if (actor.kind === 'staff' && id) await socket.join(rooms.watch(id));
      return { ok: true, data };
    } catch (e) {
      return fail(e);
    }
  }

  @SubscribeMessage(ChatEvents.read)
  async read(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ChatAck<null>> {
    try {
      const body = isRecord(payload) ? payload : {};
      const seq = seqOf(body['seq']);
      const conversationId = idOf(body['conversationId']);
      if (seq === null || conversationId === null) throw new AppException(ErrorCode.ValidationFailed);
      await this.chat.read(this.actor(socket), conversationId, seq);
      return { ok: true, data: null };
    } catch (e) {
      return fail(e);
    }
  }

  @SubscribeMessage(ChatEvents.typing)
  async typing(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ChatAck<null>> {
    try {
      const body = isRecord(payload) ? payload : {};
      const conversationId = idOf(body['conversationId']);
      if (typeof body['typing'] !== 'boolean' || conversationId === null) throw new AppException(ErrorCode.ValidationFailed);
      await this.chat.typing(this.actor(socket), conversationId, body['typing']);
      return { ok: true, data: null };
    } catch (e) {
      return fail(e);
    }
  }

  @SubscribeMessage(ChatEvents.presence)
  async presence(@ConnectedSocket() socket: Socket, @MessageBody() payload: unknown): Promise<ChatAck<AdvisorAvailabilityView>> {
    try {
      const actor = this.actor(socket);
      const body = isRecord(payload) ? payload : {};
      if (actor.kind !== 'staff' || actor.role !== 'advisor') throw new AppException(ErrorCode.Forbidden);
      if (typeof body['accepting'] !== 'boolean') throw new AppException(ErrorCode.ValidationFailed);
      return { ok: true, data: await this.router.settings(actor, { accepting: body['accepting'] }) };
    } catch (e) {
      return fail(e);
    }
  }

  private required(): never {
    throw new AppException(ErrorCode.ValidationFailed, 'conversationId required', { message: '请指定会话' });
  }
}
