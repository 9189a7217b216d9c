type Listener = (...args: never[]) => void;

interface SentEvent {
  event: string;
  payload: unknown;
  ack: (error: Error | null, response?: unknown) => void;
}

/**
 * A stand-in for socket.io's client socket, driven from the server side by the spec: `serverConnect`, `push` an
 * event, answer client events with `respond` (returning undefined leaves the ack unanswered until `expireAcks`).
 */
export class FakeChatSocket {
  connected = false;
  active = true;
  readonly sent: SentEvent[] = [];
  respond: (event: string, payload: unknown) => unknown = () => undefined;
  private readonly listeners = new Map<string, Listener[]>();
  private unanswered: SentEvent[] = [];
  readonly io = { on: (event: string, listener: Listener) => this.on(`io:${event}`, listener) };

  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }

  timeout(): { emit: (event: string, payload: unknown, ack: SentEvent['ack']) => void } {
    return { emit: (event, payload, ack) => this.emit(event, payload, ack) };
  }

  emit(event: string, payload: unknown, ack: SentEvent['ack'] = () => undefined): this {
    const sent = { event, payload, ack };
    this.sent.push(sent);
    const answer = this.respond(event, payload);
    if (answer === undefined) this.unanswered.push(sent);
    else setTimeout(() => ack(null, answer), 0);
    return this;
  }

  /** How often the client asked to connect again (after a refused token). */
  reconnects = 0;

  connect(): this {
    this.reconnects += 1;
    return this;
  }

  disconnect(): this {
    this.connected = false;
    return this;
  }

  /** What the client emitted of `event`, payloads in order. */
  payloads(event: string): unknown[] {
    return this.sent.filter((sent) => sent.event === event).map((sent) => sent.payload);
  }

  serverConnect(): void {
    this.connected = true;
    this.fire('connect');
  }

  serverDisconnect(reason = 'transport close'): void {
    this.connected = false;
    this.fire('disconnect', reason);
  }

  /** The handshake was refused (e.g. by the auth middleware with AUTH_TOKEN_INVALID). */
  serverRefuse(message: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', new Error(message));
  }

  push(event: string, payload: unknown): void {
    this.fire(event, payload);
  }

  /** Every ack still waiting times out (socket.io calls the callback with an error). */
  expireAcks(): void {
    const waiting = this.unanswered;
    this.unanswered = [];
    for (const sent of waiting) sent.ack(new Error('operation has timed out'));
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (...values: unknown[]) => void)(...args);
  }
}
