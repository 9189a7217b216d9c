import { formatYuan } from './format-yuan';

describe(formatYuan.name, () => {
  it.each([
    [0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [80000, '¥800.00'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [1234500, '¥12,345.00'],
    [123456789, '¥1,234,567.89'],
    [-800, '-¥8.00'],
    [-1234501, '-¥12,345.01'],
  ])('shows %i fen as %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it.each([[1.5], [Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %p, which is not a whole number of fen', (fen) => {
    expect(() => formatYuan(fen)).toThrow(RangeError);
  });
});
