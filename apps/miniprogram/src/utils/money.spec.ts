import { formatFen } from './money';

describe(formatFen.name, () => {
  it.each([
    [0, '¥0'],
    [26800, '¥268'],
    [8990, '¥89.90'],
    [1, '¥0.01'],
    [123456789, '¥1234567.89'],
    [-500, '-¥5'],
  ])('formats %i fen as %s', (fen, expected) => {
    expect(formatFen(fen)).toBe(expected);
  });
});
