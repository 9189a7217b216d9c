// antd reads media queries (responsive grid, Sider breakpoints), which jsdom does not implement.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string): MediaQueryList => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => undefined,
    removeListener: () => undefined,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
    dispatchEvent: () => false,
  }),
});

// antd's form schedules work with a MessageChannel, which jsdom lacks. Node's own would keep jest's process
// alive (an open port with a listener), so deliver messages on a timer instead.
class TimerMessagePort {
  onmessage: ((event: MessageEvent) => void) | null = null;
  peer: TimerMessagePort | null = null;

  postMessage(data: unknown): void {
    const target = this.peer;
    setTimeout(() => target?.onmessage?.(new MessageEvent('message', { data })), 0);
  }

  close(): void {
    this.onmessage = null;
  }
}

class TimerMessageChannel {
  readonly port1 = new TimerMessagePort();
  readonly port2 = new TimerMessagePort();

  constructor() {
    this.port1.peer = this.port2;
    this.port2.peer = this.port1;
  }
}

if (typeof window.MessageChannel === 'undefined') {
  Object.defineProperty(window, 'MessageChannel', { writable: true, value: TimerMessageChannel });
}
