import type { ProductImportReport } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, signInAs, type FetchMock } from '../../test/console-test-kit';
import { ProductImportModal } from './product-import.modal';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const report: ProductImportReport = {
  total: 5,
  created: 2,
  updated: 1,
  failed: 2,
  errors: [
    { row: 3, sku: 'GLOW-SERUM-30', field: 'priceFen', message: '价格须为不小于 0 的数字' },
    { row: 5, sku: null, field: 'sku', message: 'SKU 不能为空' },
  ],
};

function renderModal() {
  return renderPage('/products', '/products', <ProductImportModal open onClose={() => undefined} />);
}

function chooseFile(name: string, size = 1024) {
  const file = new File(['x'.repeat(size)], name, { type: XLSX });
  fireEvent.change(element<HTMLInputElement>(document.body, '#product-import input[type=file]'), { target: { files: [file] } });
  return file;
}

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(ProductImportModal.name, () => {
  it('uploads the chosen .xlsx as multipart field `file` and lists the report’s counts and row errors', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, report));
    renderModal();

    const submit = element<HTMLButtonElement>(document.body, '#product-import-submit');
    expect(submit.disabled).toBe(true);
    const file = chooseFile('新品.xlsx');
    await waitFor(() => expect(submit.disabled).toBe(false));
    fireEvent.click(submit);

    const errors = await waitFor(() => element(document.body, '#product-import-errors'));
    const [url, init] = fetchMock.mock.calls[0];
    expect(url).toBe('/api/staff/products/import');
    expect(init?.method).toBe('POST');
    const sent = init?.body as FormData;
    expect(sent).toBeInstanceOf(FormData);
    expect((sent.get('file') as File).name).toBe(file.name);

    const counts = element(document.body, '#product-import-report').textContent ?? '';
    expect(counts).toContain('总行数5');
    expect(counts).toContain('新增2');
    expect(counts).toContain('更新1');
    expect(counts).toContain('失败2');
    expect(screen.getByText('2 行未导入')).not.toBeNull();

    const headers = Array.from(errors.querySelectorAll('thead th')).map((th) => th.textContent);
    expect(headers).toEqual(['行号', 'SKU', '字段', '问题']);
    const rows = Array.from(errors.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent));
    expect(rows).toEqual([
      ['3', 'GLOW-SERUM-30', '价格', '价格须为不小于 0 的数字'],
      ['5', '—', 'SKU', 'SKU 不能为空'],
    ]);
  });

  it('says so when every row was imported, without an error table', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, { total: 3, created: 3, updated: 0, failed: 0, errors: [] }));
    renderModal();

    chooseFile('products.xlsx');
    await waitFor(() => expect(element<HTMLButtonElement>(document.body, '#product-import-submit').disabled).toBe(false));
    fireEvent.click(element(document.body, '#product-import-submit'));

    expect(await screen.findByText('导入完成：新增 3 个，更新 0 个商品')).not.toBeNull();
    expect(document.querySelector('#product-import-errors')).toBeNull();
  });

  it('shows the API’s message when the file cannot be read', async () => {
    fetchMock.mockResolvedValue(jsonResponse(400, { code: 'IMPORT_FILE_INVALID', message: '无法读取文件，请上传按模板填写的 Excel（.xlsx）文件' }));
    renderModal();

    chooseFile('products.xlsx');
    await waitFor(() => expect(element<HTMLButtonElement>(document.body, '#product-import-submit').disabled).toBe(false));
    fireEvent.click(element(document.body, '#product-import-submit'));

    const alert = await waitFor(() => element(document.body, '#product-import-error'));
    expect(within(alert).getByText('无法读取文件，请上传按模板填写的 Excel（.xlsx）文件')).not.toBeNull();
    expect(document.querySelector('#product-import-report')).toBeNull();
  });

  it('refuses a file that is not .xlsx without uploading it', async () => {
    renderModal();

    chooseFile('products.csv');

    expect(await screen.findByText('请上传 .xlsx 格式的 Excel 文件')).not.toBeNull();
    expect(element<HTMLButtonElement>(document.body, '#product-import-submit').disabled).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });
});
