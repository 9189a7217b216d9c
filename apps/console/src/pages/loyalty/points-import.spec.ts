import { importFileProblem, importPercent, pollInterval, POLL_INTERVAL_MS } from './points-import';

describe(importPercent.name, () => {
  it.each([
    ['running', 0, 0, 0],
    ['running', 1, 3, 33],
    // 999 of 1000 is not done yet: never shown as 100% while rows remain.
    ['running', 999, 1000, 99],
    ['done', 0, 0, 100],
    ['failed', 2, 4, 50],
  ] as const)('%s %d/%d → %d%%', (status, processed, total, percent) => {
    expect(importPercent({ status, processed, total })).toBe(percent);
  });
});

describe(pollInterval.name, () => {
  it('polls every second while the import runs, and stops when it ends or the read fails', () => {
    expect(pollInterval({ status: 'running' }, false)).toBe(POLL_INTERVAL_MS);
    expect(POLL_INTERVAL_MS).toBe(1000);
    expect(pollInterval({ status: 'done' }, false)).toBe(false);
    expect(pollInterval({ status: 'failed' }, false)).toBe(false);
    expect(pollInterval({ status: 'running' }, true)).toBe(false);
    expect(pollInterval(undefined, false)).toBe(false);
  });
});

describe(importFileProblem.name, () => {
  it.each([
    [{ name: '期初积分.XLSX', size: 1024 }, null],
    [{ name: 'points.csv', size: 1024 }, '请上传 .xlsx 格式的 Excel 文件'],
    [{ name: 'points.xlsx', size: 6 * 1024 * 1024 }, '文件不能超过 5 MB'],
  ])('%j → %s', (file, problem) => {
    expect(importFileProblem(file)).toBe(problem);
  });
});
