import Taro from '@tarojs/taro';
import { WebSocket as WebSocketTransport } from 'socket.io-client';

/** A WebSocket frame: an engine.io text packet, or a binary attachment. */
export type Frame = string | ArrayBuffer;

/** `Taro.connectSocket`: a SocketTask once WeChat (or the browser) has started connecting. */
export type ConnectSocket = (options: Taro.connectSocket.Option) => Promise<Taro.SocketTask>;

const connectWithTaro: ConnectSocket = (options) => Taro.connectSocket(options);

/**
 * The part of the browser `WebSocket` that engine.io's websocket transport touches (the `on…` handler properties,
 * `send`, `close` and `binaryType`), on top of a Taro SocketTask. A mini-program has no `WebSocket` global, only
 * `wx.connectSocket`; in H5, Taro maps the SocketTask to the browser's WebSocket, so one code path serves both.
 *
 * The task arrives asynchronously, so a `close()` before it arrives is remembered and carried out then. After
 * `close()` nothing more is reported: engine.io has already treated the transport as closed.
 */
export class TaroSocketBridge {
  /** Set by engine.io; binary frames are always handed over as ArrayBuffers (WeChat has no Blob). */
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onmessage: ((event: { data: Frame }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  private task: Taro.SocketTask | null = null;
  private closed = false;

  constructor(url: string, connect: ConnectSocket = connectWithTaro) {
    let started: Promise<Taro.SocketTask>;
    try {
      started = connect({ url });
    } catch (error) {
      started = Promise.reject(error);
    }
    started.then(
      (task) => this.attach(task),
      (error: unknown) => this.fail(error),
    );
  }

  send(data: Frame | ArrayBufferView): void {
    const task = this.task;
    // engine.io catches this and relies on the close that follows a dead connection.
    if (!task || this.closed) throw new Error('WebSocket is not open');
    const result: unknown = task.send({ data: toFrame(data), fail: (error) => this.fail(error) });
    // H5's SocketTask.send also returns a promise that rejects on failure; `fail` has reported it already.
    if (isThenable(result)) result.then(undefined, () => undefined);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    if (this.task) closeQuietly(this.task);
  }

  private attach(task: Taro.SocketTask): void {
    if (this.closed) {
      closeQuietly(task);
      return;
    }
    this.task = task;
    receiveArrayBuffers(task);
    task.onOpen(() => {
      // WeChat cannot always cancel a socket that is still connecting; close it as soon as it opens.
      if (this.closed) closeQuietly(task);
      else this.onopen?.();
    });
    task.onMessage(({ data }) => {
      if (!this.closed) this.onmessage?.({ data: toFrame(data as Frame | ArrayBufferView) });
    });
    task.onError((error) => {
      if (!this.closed) this.onerror?.(error);
    });
    task.onClose((event) => {
      this.task = null;
      if (this.closed) return;
      this.closed = true;
      this.onclose?.({ code: event?.code ?? 1006, reason: event?.reason ?? '' });
    });
  }

  private fail(error: unknown): void {
    if (!this.closed) this.onerror?.(error);
  }
}

/**
 * engine.io's websocket transport with the socket made by `Taro.connectSocket` instead of `new WebSocket()`.
 * Pass it as `transports: [TaroWebSocketTransport]` (WebSocket only: long-polling would need XMLHttpRequest, which a
 * mini-program does not have). Framing, heartbeats and the handshake stay engine.io's own code.
 */
export class TaroWebSocketTransport extends WebSocketTransport {
  /** How sockets are opened; unit specs put a fake SocketTask behind it. */
  static connect: ConnectSocket = connectWithTaro;

  override createSocket(uri: string): TaroSocketBridge {
    return new TaroSocketBridge(uri, TaroWebSocketTransport.connect);
  }

  override doWrite(_packet: unknown, data: unknown): void {
    (this.ws as TaroSocketBridge | null)?.send(data as Frame | ArrayBufferView);
  }
}

/** WeChat sends and receives `string | ArrayBuffer`; typed arrays are copied out into their own buffer. */
function toFrame(data: Frame | ArrayBufferView): Frame {
  if (typeof data === 'string' || data instanceof ArrayBuffer) return data;
  if (ArrayBuffer.isView(data)) {
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    return bytes.slice().buffer;
  }
  return String(data);
}

/** In H5 the task wraps a browser WebSocket, which would hand binary frames over as Blobs. */
function receiveArrayBuffers(task: Taro.SocketTask): void {
  const socket = (task as { ws?: { binaryType?: string } }).ws;
  if (socket && typeof socket === 'object' && 'binaryType' in socket) socket.binaryType = 'arraybuffer';
}

function closeQuietly(task: Taro.SocketTask): void {
  try {
    const result: unknown = task.close({ code: 1000, reason: 'client close' });
    if (isThenable(result)) result.then(undefined, () => undefined);
  } catch {
    // Already closed or never opened: nothing is left to close.
  }
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}
