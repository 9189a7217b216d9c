import { formatPercent, formatYuan, toPercent, yuanToFen } from './format';

describe(formatYuan.name, () => {
  it.each([
    [0, '¥0.00'],
    [9990, '¥99.90'],
    [128050, '¥1,280.50'],
  ])('%d fen reads %s', (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });
});

describe(yuanToFen.name, () => {
  it('rounds to the fen, hiding floating-point noise', () => {
    expect(yuanToFen(0.29)).toBe(29);
    expect(yuanToFen(99.9)).toBe(9990);
  });
});

describe(formatPercent.name, () => {
  it('reads a fraction as a percentage with one decimal', () => {
    expect(formatPercent(0.0633)).toBe('6.3%');
    expect(formatPercent(0)).toBe('0.0%');
    expect(toPercent(0.125)).toBe(12.5);
  });
});
