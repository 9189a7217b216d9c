import type { CouponFace, CouponTemplateView, SaveCouponTemplateDto } from '@glow/contracts';
import { fireEvent, waitFor } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { couponTemplate, saveBodyOf } from '../../test/coupon.fixtures';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { paged } from '../../test/loyalty-till.fixtures';
import { CouponTemplatesPage } from './coupon-templates.page';

const PREVIEW_URL = '/api/staff/coupon-templates/preview';
const CREATE_URL = '/api/staff/coupon-templates';
const active = couponTemplate();

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(60_000);

/** The face the API would draw, enough to tell one body from another. */
function faceOf(body: SaveCouponTemplateDto): CouponFace {
  const headline = body.kind === 'amount_off' ? `¥${(body.amountOffFen ?? 0) / 100}` : body.kind === 'percent_off' ? `${(100 - (body.percentOff ?? 0)) / 10}折` : '赠品';
  return { headline, condition: body.minSpendFen > 0 ? `满¥${body.minSpendFen / 100}可用` : '无门槛', rules: [`领取后${body.validity.days ?? 0}天内有效`, '全场通用'], useTarget: 'shop' };
}

/** Answers the preview like the API (refusing a money-off coupon without its amount), and every save with `onSave`. */
function serve(onSave: (request: string, body: SaveCouponTemplateDto) => Response = (_, body) => jsonResponse(201, { ...couponTemplate({ id: 'tpl-new', status: 'draft' }), ...body })) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method === 'POST' && url === PREVIEW_URL) {
      const body = JSON.parse(String(init?.body)) as SaveCouponTemplateDto;
      if (body.kind === 'amount_off' && body.amountOffFen === null) {
        return jsonResponse(400, { code: 'COUPON_TEMPLATE_INVALID', message: '优惠券设置不正确，请按提示修改', details: [{ field: 'amountOffFen', problems: ['请填写减免金额'] }] });
      }
      return jsonResponse(200, faceOf(body));
    }
    if (method !== 'GET') return onSave(`${method} ${url}`, JSON.parse(String(init?.body)) as SaveCouponTemplateDto);
    if (url.startsWith('/api/staff/coupon-templates?')) return jsonResponse(200, paged<CouponTemplateView>([active]));
    if (url.startsWith('/api/staff/products?')) return jsonResponse(200, paged([]));
    if (url === '/api/staff/services') return jsonResponse(200, []);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderTemplates() {
  return renderPage('/coupons', '/coupons', <CouponTemplatesPage />, {}, { detachStyles: true });
}

const present = (selector: string) => document.querySelector(selector) !== null;
const type = (selector: string, value: string) => fireEvent.change(element(document.body, selector), { target: { value } });
const choose = (group: string, value: string) => fireEvent.click(element(document.body, `#${group} input[value="${value}"]`));
const explain = (selector: string) => element(document.body, selector).closest('.ant-form-item')?.querySelector('.ant-form-item-explain')?.textContent ?? null;
const hasError = (selector: string) => element(document.body, selector).closest('.ant-form-item')?.classList.contains('ant-form-item-has-error') ?? false;
const disabled = (selector: string) => element<HTMLInputElement | HTMLButtonElement>(document.body, selector).disabled;

function previewBodies(): SaveCouponTemplateDto[] {
  return fetchMock.mock.calls.filter(([url, init]) => String(url) === PREVIEW_URL && init?.method === 'POST').map(([, init]) => JSON.parse(String(init?.body)));
}

async function openNew() {
  fireEvent.click(await waitFor(() => element(document.body, '#coupon-create')));
  return waitFor(() => element(document.body, '#coupon-template-form'));
}

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe('CouponTemplateDrawer', () => {
  it('shows only the fields of the kind chosen and saves a draft with that kind’s fields alone', async () => {
    serve();
    renderTemplates();
    await openNew();

    expect(present('#coupon-amount')).toBe(true);
    expect(present('#coupon-discount')).toBe(false);
    choose('coupon-kind', 'gift');
    await waitFor(() => expect(present('#coupon-gift-sku')).toBe(true));
    expect(present('#coupon-amount')).toBe(false);
    choose('coupon-kind', 'service');
    await waitFor(() => expect(present('#coupon-service-code')).toBe(true));
    // A service coupon has no minimum spend.
    expect(present('#coupon-min-spend')).toBe(false);
    choose('coupon-kind', 'percent_off');
    await waitFor(() => expect(present('#coupon-discount')).toBe(true));
    expect(present('#coupon-max-discount')).toBe(true);
    expect(present('#coupon-gift-sku') || present('#coupon-service-code') || present('#coupon-amount')).toBe(false);

    type('#coupon-name', ' 新客8.5折 ');
    type('#coupon-code', 'NEW-85');
    type('#coupon-discount', '8.5');
    type('#coupon-max-discount', '100');
    type('#coupon-min-spend', '199');
    choose('coupon-scope', 'categories');
    await waitFor(() => expect(present('#coupon-scope-categories')).toBe(true));
    choose('coupon-scope-categories', 'skincare');
    choose('coupon-scope-categories', 'makeup');
    type('#coupon-valid-days', '14');
    choose('coupon-weekdays', '7');
    choose('coupon-weekdays', '6');
    fireEvent.click(element(document.body, '#coupon-claimable'));
    type('#coupon-stock', '500');
    type('#coupon-per-member', '2');
    choose('coupon-stacking', 'stackable');
    await waitFor(() => expect(present('#coupon-stack-group')).toBe(true));
    type('#coupon-stack-group', '新客');
    type('#coupon-cost', '12.5');
    fireEvent.click(element(document.body, '#coupon-save'));

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${CREATE_URL}`));
    expect(bodyOf(fetchMock, 'POST', CREATE_URL)).toEqual({
      code: 'NEW-85',
      name: '新客8.5折',
      description: '',
      kind: 'percent_off',
      amountOffFen: null,
      percentOff: 15,
      maxDiscountFen: 10000,
      giftSku: null,
      serviceCode: null,
      minSpendFen: 19900,
      scope: { kind: 'categories', values: ['skincare', 'makeup'], excludeSkus: [] },
      validity: { kind: 'relative', from: null, until: null, days: 14, weekdays: [6, 7], hoursFrom: null, hoursUntil: null },
      totalStock: 500,
      perMemberLimit: 2,
      claimable: true,
      stacking: 'stackable',
      stackGroup: '新客',
      costFen: 1250,
    } satisfies SaveCouponTemplateDto);
    // Saved: the drawer closes and the list is read again.
    await waitFor(() => expect(present('#coupon-template-form')).toBe(false));
  });

  it('previews the coupon the API draws once typing pauses, and shows its refusal next to the field', async () => {
    serve();
    renderTemplates();
    await openNew();

    const preview = element(document.body, '#coupon-preview');
    // A new money-off coupon has no amount yet: the preview says what is missing, not under a field not reached yet.
    await waitFor(() => expect(element(document.body, '#coupon-preview-problems').textContent).toContain('减免金额：请填写减免金额'));
    expect(explain('#coupon-amount')).toBeNull();

    const before = previewBodies().length;
    type('#coupon-amount', '5');
    type('#coupon-amount', '50');
    type('#coupon-min-spend', '300');
    await waitFor(() => expect(preview.querySelector('.coupon-face-headline')?.textContent).toBe('¥50'), { timeout: 5000 });
    expect(preview.querySelector('.coupon-face-condition')?.textContent).toBe('满¥300可用');
    expect(Array.from(preview.querySelectorAll('.coupon-face-rules li')).map((li) => li.textContent)).toEqual(['领取后30天内有效', '全场通用']);
    expect(present('#coupon-preview-problems')).toBe(false);
    // One request once typing paused, not one per keystroke; an unfinished code and name are stood in for.
    expect(previewBodies().length - before).toBeLessThan(3);
    expect(previewBodies().at(-1)).toMatchObject({ code: 'PREVIEW', name: '优惠券预览', amountOffFen: 5000, minSpendFen: 30000 });

    type('#coupon-amount', '');
    await waitFor(() => expect(explain('#coupon-amount')).toBe('请填写减免金额'), { timeout: 5000 });
    type('#coupon-amount', '30');
    // Typing into the field takes its error away at once, before the next preview answers.
    expect(hasError('#coupon-amount')).toBe(false);
    await waitFor(() => expect(preview.querySelector('.coupon-face-headline')?.textContent).toBe('¥30'), { timeout: 5000 });
    expect(explain('#coupon-amount')).toBeNull();
  });

  it('refuses what is missing before sending, and shows the API’s refusal of the rest', async () => {
    serve(() => jsonResponse(409, { code: 'COUPON_TEMPLATE_CODE_TAKEN', message: '该优惠券编码已存在' }));
    renderTemplates();
    await openNew();

    type('#coupon-name', '满300减50');
    fireEvent.click(element(document.body, '#coupon-save'));
    await waitFor(() => expect(explain('#coupon-code')).toBe('请填写编码'));
    expect(explain('#coupon-amount')).toBe('请填写减免金额');
    expect(requests(fetchMock)).not.toContain(`POST ${CREATE_URL}`);

    type('#coupon-code', 'CPN-300-50');
    type('#coupon-amount', '50');
    fireEvent.click(element(document.body, '#coupon-save'));
    await waitFor(() => expect(element(document.body, '#coupon-form-error').textContent).toContain('该优惠券编码已存在'));
  });

  it('puts the API’s field problems next to their fields', async () => {
    serve(() =>
      jsonResponse(400, { code: 'VALIDATION_FAILED', message: '请求参数不正确', details: [{ field: 'validity.days', problems: ['max'] }, { field: 'minSpendFen', problems: ['使用门槛须为不小于0的整数（分）'] }] }),
    );
    renderTemplates();
    await openNew();

    type('#coupon-name', '满300减50');
    type('#coupon-code', 'CPN-300-50');
    type('#coupon-amount', '50');
    fireEvent.click(element(document.body, '#coupon-save'));

    await waitFor(() => expect(explain('#coupon-valid-days')).toBe('大于允许的最大值'));
    expect(explain('#coupon-min-spend')).toBe('使用门槛须为不小于0的整数（分）');
    expect(element(document.body, '#coupon-form-error').textContent).toContain('有效期 · 有效天数：大于允许的最大值');
  });

  it('locks what a live template can no longer change, and keeps its stock above what it gave out', async () => {
    serve((_, body) => jsonResponse(200, { ...active, ...body }));
    renderTemplates();

    fireEvent.click(await waitFor(() => element(document.body, '[data-template-code="CPN-300-50"] [data-action="edit"]')));
    await waitFor(() => element(document.body, '#coupon-template-form'));
    expect(element(document.body, '#coupon-lock-hint').textContent).toContain('只能修改名称、说明、发放总量、核销成本');
    for (const locked of ['#coupon-code', '#coupon-amount', '#coupon-min-spend', '#coupon-valid-days', '#coupon-per-member', '#coupon-claimable', '#coupon-kind input[value="gift"]', '#coupon-scope input[value="skus"]']) {
      expect([locked, disabled(locked)]).toEqual([locked, true]);
    }
    for (const open of ['#coupon-name', '#coupon-description', '#coupon-stock', '#coupon-cost']) expect([open, disabled(open)]).toEqual([open, false]);
    expect(element(document.body, '#coupon-stock').closest('.ant-form-item')?.textContent).toContain('已发放 420 张');
    // The preview shows the template as saved.
    await waitFor(() => expect(element(document.body, '#coupon-preview .coupon-face-headline').textContent).toBe('¥50'), { timeout: 5000 });

    type('#coupon-stock', '400');
    fireEvent.click(element(document.body, '#coupon-save'));
    await waitFor(() => expect(explain('#coupon-stock')).toBe('已发放 420 张，发放总量不能少于已发放数量'));
    expect(requests(fetchMock).some((request) => request.startsWith('PUT'))).toBe(false);

    type('#coupon-stock', '1500');
    type('#coupon-name', '满300减50（加量）');
    fireEvent.click(element(document.body, '#coupon-save'));
    await waitFor(() => expect(requests(fetchMock)).toContain('PUT /api/staff/coupon-templates/tpl-300-50'));
    expect(bodyOf(fetchMock, 'PUT', '/api/staff/coupon-templates/tpl-300-50')).toEqual({ ...saveBodyOf(active), name: '满300减50（加量）', totalStock: 1500 });
  });
});
