import type { StaffRole } from '@glow/contracts';
import { StyleProvider } from '@ant-design/cssinjs';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router-dom';
import { createQueryClient } from '../api/query-client';
import { sessionStore } from '../api/session.store';
import { ConsoleProviders } from '../app';

export type FetchMock = jest.Mock<Promise<Response>, [RequestInfo | URL, RequestInit | undefined]>;

export function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** Replaces `fetch` with a mock for the test; the console's HTTP client calls the global one. */
export function mockFetch(): FetchMock {
  const fetchMock: FetchMock = jest.fn();
  globalThis.fetch = fetchMock;
  return fetchMock;
}

/** Signs a staff member of `role` in (the stored session the console reads its role from). */
export function signInAs(role: StaffRole): void {
  const storeId = role === 'advisor' || role === 'store_manager' ? 'store-1' : null;
  sessionStore.set({
    accessToken: 'a'.repeat(32),
    refreshToken: 'r'.repeat(32),
    staff: { id: `staff-${role}`, username: role, name: `测试${role}`, role, storeId, storeName: storeId ? '上海静安店' : null },
  });
}

/** The requests made so far as `METHOD url`, in order. */
export function requests(fetchMock: FetchMock): string[] {
  return fetchMock.mock.calls.map(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}`);
}

/** The JSON body of the first request to `method url`. */
export function bodyOf(fetchMock: FetchMock, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([input, init]) => String(input) === url && (init?.method ?? 'GET') === method);
  if (!call) throw new Error(`no ${method} ${url}; requests: ${requests(fetchMock).join(', ')}`);
  return JSON.parse(String(call[1]?.body));
}

export interface RenderPageOptions {
  /**
   * Keep antd's generated CSS out of the document. jsdom's getComputedStyle matches every rule of every stylesheet,
   * and antd's popups ask for it on each ancestor when they open, so a page with many pickers takes seconds per
   * click. For tests that read neither computed styles nor CSS-driven visibility.
   */
  detachStyles?: boolean;
}

/** Renders `element` at `path` inside the console's providers, with `routes` (`pattern → element`) beside it. */
export function renderPage(path: string, pattern: string, element: ReactNode, routes: Record<string, ReactNode> = {}, options: RenderPageOptions = {}) {
  const page = (
    <ConsoleProviders queryClient={createQueryClient()}>
      <MemoryRouter initialEntries={[path]}>
        <Routes>
          <Route path={pattern} element={element} />
          {Object.entries(routes).map(([other, page]) => (
            <Route key={other} path={other} element={page} />
          ))}
        </Routes>
      </MemoryRouter>
    </ConsoleProviders>
  );
  return render(options.detachStyles ? <StyleProvider container={document.createElement('div')}>{page}</StyleProvider> : page);
}

export function element<T extends Element = HTMLElement>(container: ParentNode, selector: string): T {
  const found = container.querySelector<T>(selector);
  if (!found) throw new Error(`${selector} not rendered`);
  return found;
}
