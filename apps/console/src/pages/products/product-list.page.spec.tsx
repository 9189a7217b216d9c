import type { Paged, ProductResponse } from '@glow/contracts';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { ProductListPage } from './product-list.page';

const serum: ProductResponse = {
  id: 'p-serum',
  sku: 'GLOW-SERUM-30',
  name: '水光精华',
  line: '水光系列',
  category: 'skincare',
  priceFen: 128050,
  images: [],
  description: null,
  suitableSkinTypes: ['dry'],
  concerns: ['dehydration'],
  allergens: [],
  usageDays: 60,
  active: true,
  createdAt: '2026-11-01T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
};

const page = (items: ProductResponse[]): Paged<ProductResponse> => ({ items, total: items.length, page: 1, pageSize: 20 });

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(20_000);

function serve(onWrite: (init: RequestInit | undefined) => Response = () => jsonResponse(200, serum)) {
  fetchMock.mockImplementation(async (_input, init) => (init?.method && init.method !== 'GET' ? onWrite(init) : jsonResponse(200, page([serum]))));
}

function renderProducts(path = '/products') {
  return renderPage(path, '/products', <ProductListPage />);
}

function cells(row: Element): string[] {
  return Array.from(row.querySelectorAll('td')).map((td) => td.textContent ?? '');
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(ProductListPage.name, () => {
  it('lists products with prices in yuan, filtered by the URL', async () => {
    serve();
    renderProducts('/products?q=精华&category=skincare&active=true&page=2');

    const row = await waitFor(() => element(document.body, '#product-table tbody tr.ant-table-row'));
    expect(requests(fetchMock)[0]).toBe(`GET /api/staff/products?q=${encodeURIComponent('精华')}&category=skincare&active=true&page=2&pageSize=20`);
    expect(cells(row).slice(1, 8)).toEqual(['GLOW-SERUM-30', '护肤', '¥1,280.50', '干性肌肤', '60 天', '启用中', '2026-11-02 00:00']);
  });

  it('searches from page 1', async () => {
    serve();
    renderProducts('/products?page=3');

    const search = await waitFor(() => element<HTMLInputElement>(document.body, '#product-search'));
    fireEvent.change(search, { target: { value: 'GLOW' } });
    fireEvent.keyDown(search, { key: 'Enter', code: 'Enter', keyCode: 13 });

    await waitFor(() => expect(requests(fetchMock)).toContain('GET /api/staff/products?q=GLOW&page=1&pageSize=20'));
  });

  it('edits a product in the drawer and sends the price in fen', async () => {
    serve();
    renderProducts();

    fireEvent.click(await waitFor(() => element(document.body, '.product-edit')));
    const price = await waitFor(() => element<HTMLInputElement>(document.body, '#product_priceYuan'));
    expect(price.value).toBe('1280.50');
    expect(element<HTMLInputElement>(document.body, '#product_sku').disabled).toBe(true);
    fireEvent.change(price, { target: { value: '99.9' } });
    fireEvent.change(element(document.body, '#product_line'), { target: { value: '' } });
    fireEvent.click(element(document.body, '#product-form-submit'));

    await waitFor(() => expect(requests(fetchMock)).toContain('PATCH /api/staff/products/p-serum'));
    expect(bodyOf(fetchMock, 'PATCH', '/api/staff/products/p-serum')).toEqual({
      category: 'skincare',
      name: '水光精华',
      line: null,
      priceFen: 9990,
      images: [],
      description: null,
      suitableSkinTypes: ['dry'],
      concerns: ['dehydration'],
      allergens: [],
      usageDays: 60,
    });
  });

  it('puts the API’s validation problems next to their fields', async () => {
    serve(() => jsonResponse(400, { code: 'VALIDATION_FAILED', message: '提交的信息有误，请检查后重试', details: [{ field: 'images.0', problems: ['matches'] }] }));
    renderProducts();

    fireEvent.click(await waitFor(() => element(document.body, '.product-edit')));
    await waitFor(() => element(document.body, '#product-form'));
    fireEvent.click(screen.getByText('添加图片'));
    fireEvent.change(await waitFor(() => element(document.body, '#product_images_0')), { target: { value: 'https://cdn.example.com/a.jpg' } });
    fireEvent.click(element(document.body, '#product-form-submit'));

    const alert = await waitFor(() => element(document.body, '#product-form-error'));
    expect(alert.textContent).toContain('images.0：格式不正确');
    // And under the image row it belongs to.
    const imageField = element(document.body, '#product_images_0').closest('.ant-form-item') as HTMLElement;
    await waitFor(() => expect(imageField.querySelector('.ant-form-item-explain')?.textContent).toBe('格式不正确'));
  });

  it('deactivates a product after a confirmation', async () => {
    serve(() => jsonResponse(200, { ...serum, active: false }));
    renderProducts();

    fireEvent.click(await waitFor(() => element(document.body, '.product-deactivate')));
    const confirm = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(confirm.textContent).toContain('停用「水光精华」？');
    expect(requests(fetchMock).some((request) => request.startsWith('PATCH'))).toBe(false);
    const ok = element(confirm, '.ant-modal-confirm-btns .ant-btn-dangerous');
    expect(ok.textContent?.replace(/\s/g, '')).toBe('停用');
    fireEvent.click(ok);

    await waitFor(() => expect(requests(fetchMock)).toContain('PATCH /api/staff/products/p-serum'));
    expect(bodyOf(fetchMock, 'PATCH', '/api/staff/products/p-serum')).toEqual({ active: false });
  });

  it('is read-only for advisors: no create, import or deactivate, and a disabled form', async () => {
    signInAs('advisor');
    serve();
    renderProducts();

    fireEvent.click(await waitFor(() => element(document.body, '.product-view')));
    const name = await waitFor(() => element<HTMLInputElement>(document.body, '#product_name'));
    expect(name.disabled).toBe(true);
    expect(document.querySelector('#product-form-submit')).toBeNull();
    expect(document.querySelector('#product-create')).toBeNull();
    expect(document.querySelector('#product-import-button')).toBeNull();
    expect(document.querySelector('.product-deactivate')).toBeNull();
  });
});
