import type Taro from '@tarojs/taro';
import type { ConnectSocket, Frame } from './taro-websocket-transport';

// A stand-in for WeChat's SocketTask and a socket.io server speaking through it, for unit specs only (nothing in
// the app imports this file, so it never reaches a bundle).

type Handlers = {
  open?: (result: { header: Record<string, string> }) => void;
  message?: (result: { data: Frame }) => void;
  close?: (result: { code: number; reason: string }) => void;
  error?: (result: { errMsg: string }) => void;
};

/** One socket as `Taro.connectSocket` hands it out; the spec plays the server side. */
export class FakeSocketTask {
  readonly sent: Frame[] = [];
  closedByClient = false;
  /** When set, `send` fails the way WeChat does on a dead connection. */
  failSends = false;
  private readonly handlers: Handlers = {};

  constructor(readonly url: string) {}

  onOpen(callback: Handlers['open']): void {
    this.handlers.open = callback;
  }

  onMessage(callback: Handlers['message']): void {
    this.handlers.message = callback;
  }

  onClose(callback: Handlers['close']): void {
    this.handlers.close = callback;
  }

  onError(callback: Handlers['error']): void {
    this.handlers.error = callback;
  }

  send({ data, fail }: { data: Frame; fail?: (result: { errMsg: string }) => void }): void {
    if (this.failSends) fail?.({ errMsg: 'sendSocketMessage:fail socket is not connected' });
    else this.sent.push(data);
  }

  close(): void {
    this.closedByClient = true;
  }

  // --- the server's side ---

  open(): void {
    this.handlers.open?.({ header: {} });
  }

  push(data: Frame): void {
    this.handlers.message?.({ data });
  }

  drop(code = 1006, reason = 'abnormal closure'): void {
    this.handlers.close?.({ code, reason });
  }

  fail(errMsg = 'connectSocket:fail'): void {
    this.handlers.error?.({ errMsg });
  }

  /** The text frames the client sent, in order. */
  get texts(): string[] {
    return this.sent.filter((frame): frame is string => typeof frame === 'string');
  }
}

/** Every socket the code under test opened, newest last. */
export class FakeSocketServer {
  readonly tasks: FakeSocketTask[] = [];

  readonly connect: ConnectSocket = ({ url }) => {
    const task = new FakeSocketTask(url);
    this.tasks.push(task);
    return Promise.resolve(task as unknown as Taro.SocketTask);
  };

  get last(): FakeSocketTask {
    const task = this.tasks[this.tasks.length - 1];
    if (!task) throw new Error('no socket was opened');
    return task;
  }
}

/** engine.io's handshake (packet type 0), as a server sends it right after the WebSocket opened. */
export function engineOpen(task: FakeSocketTask, sid = 'engine-1'): void {
  task.open();
  task.push(`0${JSON.stringify({ sid, upgrades: [], pingInterval: 25000, pingTimeout: 20000, maxPayload: 1000000 })}`);
}

/** A socket.io packet (engine.io type 4 = message) in namespace `nsp`: `4` + socket.io type + `nsp,` + rest. */
export function nspPacket(type: number, nsp: string, rest: string): string {
  return `4${type}${nsp},${rest}`;
}

/** The events the client emitted in a namespace: `42/chat,<ackId>["event",payload]`. */
export function emitsIn(task: FakeSocketTask, nsp: string): { ackId: number | null; event: string; payload: unknown }[] {
  const prefix = `42${nsp},`;
  return task.texts
    .filter((frame) => frame.startsWith(prefix))
    .map((frame) => {
      const match = /^(\d*)(\[[\s\S]*\])$/.exec(frame.slice(prefix.length));
      if (!match) throw new Error(`not an event: ${frame}`);
      const [event, payload] = JSON.parse(match[2]) as [string, unknown];
      return { ackId: match[1] === '' ? null : Number(match[1]), event, payload };
    });
}

/** Lets pending callbacks run: the task arriving, acks resolving, socket.io's next-tick delivery of packets. */
export async function flush(): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 0));
}
