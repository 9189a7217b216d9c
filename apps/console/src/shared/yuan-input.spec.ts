import { fenToYuanText, parseYuan } from './yuan-input';

describe(parseYuan.name, () => {
  it.each([
    ['399', 39900],
    ['399.5', 39950],
    ['399.50', 39950],
    ['0.29', 29],
    ['0.1', 10],
    ['¥1,280.50', 128050],
    [' 12 ', 1200],
    ['12.', 1200],
    ['￥8', 800],
  ])('reads %j as %d fen, without float noise', (text, fen) => {
    expect(parseYuan(text)).toEqual({ ok: true, fen });
  });

  it.each([
    ['', '请输入金额'],
    ['   ', '请输入金额'],
    ['-5', '请输入正确的金额，最多两位小数'],
    ['1.234', '请输入正确的金额，最多两位小数'],
    ['abc', '请输入正确的金额，最多两位小数'],
    ['1e3', '请输入正确的金额，最多两位小数'],
  ])('refuses %j: %s', (text, problem) => {
    expect(parseYuan(text)).toEqual({ ok: false, problem });
  });

  it('keeps to the limits it is given', () => {
    expect(parseYuan('0', { min: 1 })).toEqual({ ok: false, problem: '金额须大于 0' });
    expect(parseYuan('0.01', { min: 1 })).toEqual({ ok: true, fen: 1 });
    expect(parseYuan('100.01', { max: 10000 })).toEqual({ ok: false, problem: '金额不能超过 100.00 元' });
    expect(parseYuan('100', { max: 10000 })).toEqual({ ok: true, fen: 10000 });
    // The API's ceiling for one order: ¥1,000,000.00.
    expect(parseYuan('1000000.01')).toEqual({ ok: false, problem: '金额不能超过 1000000.00 元' });
  });
});

describe(fenToYuanText.name, () => {
  it.each([
    [0, '0.00'],
    [29, '0.29'],
    [128050, '1280.50'],
    [-800, '-8.00'],
  ])('%d fen reads %s', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text);
  });

  it('round-trips through parseYuan', () => {
    for (const fen of [1, 99, 100, 12345, 99999999]) expect(parseYuan(fenToYuanText(fen))).toEqual({ ok: true, fen });
  });
});
