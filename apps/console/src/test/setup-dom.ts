import { configure } from '@testing-library/dom';

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

// antd observes element sizes (auto-sized text areas, overflowing tags); jsdom has no layout, so nothing ever resizes.
class NoopResizeObserver {
  observe = (): void => undefined;
  unobserve = (): void => undefined;
  disconnect = (): void => undefined;
}

if (typeof window.ResizeObserver === 'undefined') {
  Object.defineProperty(window, 'ResizeObserver', { writable: true, value: NoopResizeObserver });
}

// jsdom's CSS parser cannot read some of the modern CSS antd injects (the Steps styles behind antd 6's Timeline) and
// reports it through console.error; the page is unaffected. Drop exactly that report and keep every other error.
// eslint-disable-next-line no-console -- the test console itself is what is being filtered
const forwardError = console.error.bind(console);
// eslint-disable-next-line no-console -- as above
console.error = (...args: unknown[]) => {
  // The error is created in jsdom's realm, so it is recognised by its message rather than `instanceof Error`.
  const [first] = args;
  if (typeof first === 'object' && first !== null && (first as { message?: unknown }).message === 'Could not parse CSS stylesheet') return;
  forwardError(...args);
};

// antd pages render slowly in jsdom, and CI runs the tests beside PostgreSQL and the other projects: a page that
// renders in 300 ms here took over a second there. Waiting up to five seconds by default keeps the specs about what
// the page shows, not about how busy the machine is. (Configured through @testing-library/dom: importing
// @testing-library/react here, before jest's globals exist, would turn off its cleanup between tests.)
configure({ asyncUtilTimeout: 5_000 });
