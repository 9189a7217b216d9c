import { formatCount, formatPercent, formatPercentOrEmpty, formatYuan, formatYuanOrEmpty, toPercent, yuanToFen } from './format';

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

describe(formatPercentOrEmpty.name, () => {
  it('reads null as — and a fraction as a percentage', () => {
    expect(formatPercentOrEmpty(null)).toBe('—');
    expect(formatPercentOrEmpty(0.4567)).toBe('45.7%');
    expect(formatPercentOrEmpty(2.5)).toBe('250.0%');
  });
});

describe(formatYuanOrEmpty.name, () => {
  it('reads null as — and fen as yuan', () => {
    expect(formatYuanOrEmpty(null)).toBe('—');
    expect(formatYuanOrEmpty(128050)).toBe('¥1,280.50');
  });
});

describe(formatCount.name, () => {
  it('groups thousands', () => {
    expect(formatCount(1234567)).toBe('1,234,567');
  });
});
