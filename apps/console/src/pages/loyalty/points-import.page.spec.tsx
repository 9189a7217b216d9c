import type { PointsImportView } from '@glow/contracts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { pointsImport } from './loyalty.fixtures';
import { PointsImportPage } from './points-import.page';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom, and the page polls once a second; allow for a busy machine.
jest.setTimeout(40_000);

/** Answers the upload with `started` and each progress read with the next of `polls` (the last one repeats). */
function serve(started: Response, polls: PointsImportView[]) {
  let read = 0;
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    if (init?.method === 'POST' && url === '/api/staff/loyalty/points-imports') return started;
    if (url === '/api/staff/loyalty/points-imports/imp-1') return jsonResponse(200, polls[Math.min(read++, polls.length - 1)]);
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

function renderImport(path = '/loyalty/points-import') {
  return renderPage(path, '/loyalty/points-import', <PointsImportPage />, {}, { detachStyles: true });
}

function chooseFile(name: string) {
  const file = new File(['x'.repeat(1024)], name, { type: XLSX });
  fireEvent.change(element<HTMLInputElement>(document.body, '#points-import input[type=file]'), { target: { files: [file] } });
  return file;
}

async function upload(name = '期初积分.xlsx') {
  await waitFor(() => element(document.body, '#points-import-submit'));
  const file = chooseFile(name);
  const submit = element<HTMLButtonElement>(document.body, '#points-import-submit');
  await waitFor(() => expect(submit.disabled).toBe(false));
  fireEvent.click(submit);
  return file;
}

const progressText = () => document.querySelector('#points-import-progress')?.textContent ?? '';

beforeEach(() => {
  fetchMock = mockFetch();
});

afterEach(() => sessionStore.clear());

describe(PointsImportPage.name, () => {
  it('uploads the file, shows the progress while the import runs, then the imported count and the refused rows', async () => {
    signInAs('admin');
    serve(jsonResponse(201, pointsImport()), [
      pointsImport({ processed: 2, imported: 1, errors: [{ row: 3, phone: '138****0000', message: '手机号未注册会员' }] }),
      pointsImport({
        status: 'done',
        processed: 4,
        imported: 2,
        finishedAt: '2026-11-03T02:00:05.000Z',
        errors: [
          { row: 3, phone: '138****0000', message: '手机号未注册会员' },
          { row: 5, phone: '13900001111', message: '该会员已导入过期初积分' },
        ],
      }),
    ]);
    renderImport();

    const file = await upload();

    await waitFor(() => expect(progressText()).toContain('2 / 4'));
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/staff/loyalty/points-imports');
    expect(((post?.[1]?.body as FormData).get('file') as File).name).toBe(file.name);
    expect(element(document.body, '#points-import-status').textContent).toBe('导入中');
    expect(element(document.body, '#points-import-progress .ant-progress').getAttribute('aria-valuenow')).toBe('50');

    // The next poll, a second later, finds it done.
    await waitFor(() => expect(element(document.body, '#points-import-status').textContent).toBe('已完成'), { timeout: 5000 });
    expect(progressText()).toContain('4 / 4');
    expect(element(document.body, '#points-import-imported').textContent).toContain('2');
    expect(screen.getByText('导入完成：2 位会员已入账，2 行未导入')).not.toBeNull();
    const errors = element(document.body, '#points-import-errors');
    expect(Array.from(errors.querySelectorAll('thead th')).map((th) => th.textContent)).toEqual(['行号', '手机号', '问题']);
    expect(Array.from(errors.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('td')).map((td) => td.textContent))).toEqual([
      ['3', '138****0000', '手机号未注册会员'],
      ['5', '13900001111', '该会员已导入过期初积分'],
    ]);

    // Polling stops once the import has finished.
    const reads = requests(fetchMock).filter((request) => request === 'GET /api/staff/loyalty/points-imports/imp-1').length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(requests(fetchMock).filter((request) => request === 'GET /api/staff/loyalty/points-imports/imp-1')).toHaveLength(reads);
  });

  it('picks a finished import up again from the URL', async () => {
    signInAs('admin');
    serve(jsonResponse(500, {}), [pointsImport({ status: 'done', processed: 4, imported: 4, finishedAt: '2026-11-03T02:00:05.000Z' })]);
    renderImport('/loyalty/points-import?id=imp-1');

    expect(await screen.findByText('导入完成：4 位会员的期初积分已入账')).not.toBeNull();
    expect(document.querySelector('#points-import-errors')).toBeNull();
    fireEvent.click(element(document.body, '#points-import-again'));
    await waitFor(() => element(document.body, '#points-import-file'));
  });

  it('shows the API’s message when the file cannot be read', async () => {
    signInAs('admin');
    serve(jsonResponse(400, { code: 'IMPORT_FILE_INVALID', message: '无法读取文件，请上传按模板填写的 Excel（.xlsx）文件' }), []);
    renderImport();

    await upload();

    const alert = await waitFor(() => element(document.body, '#points-import-error'));
    expect(within(alert).getByText('无法读取文件，请上传按模板填写的 Excel（.xlsx）文件')).not.toBeNull();
    expect(document.querySelector('#points-import-progress')).toBeNull();
  });

  it('refuses a file that is not .xlsx without uploading it', async () => {
    signInAs('admin');
    serve(jsonResponse(500, {}), []);
    renderImport();

    await waitFor(() => element(document.body, '#points-import-submit'));
    chooseFile('points.csv');

    expect(await screen.findByText('请上传 .xlsx 格式的 Excel 文件')).not.toBeNull();
    expect(element<HTMLButtonElement>(document.body, '#points-import-submit').disabled).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('is for admins only', async () => {
    signInAs('marketer');
    serve(jsonResponse(500, {}), []);
    renderImport();

    expect(await screen.findByText('没有权限导入期初积分')).not.toBeNull();
    expect(document.querySelector('#points-import-file')).toBeNull();
  });
});
