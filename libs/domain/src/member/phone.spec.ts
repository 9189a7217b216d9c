import { maskPhone, normalizePhone, phoneFromQuery } from './phone';

describe(normalizePhone.name, () => {
  it.each([
    ['13800138000', '86', '+8613800138000'],
    ['13800138000', 86, '+8613800138000'],
    ['138 0013 8000', '+86', '+8613800138000'],
    ['91234567', '852', '+85291234567'],
  ])('gives one form for %s (country %s)', (pure, cc, expected) => {
    expect(normalizePhone(pure, cc)).toBe(expected);
  });

  it.each([['12345678901'], ['1380013800'], ['abc']])('rejects %s as a mainland number', (pure) => {
    expect(normalizePhone(pure, '86')).toBeNull();
  });
});

describe(maskPhone.name, () => {
  it('hides the middle four digits of a mainland number', () => {
    expect(maskPhone('+8613800138000')).toBe('138****8000');
  });
  it('keeps only the last four digits elsewhere', () => {
    expect(maskPhone('+85291234567')).toBe('****4567');
  });
});

describe(phoneFromQuery.name, () => {
  it.each([
    ['13800138000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['王', null],
    ['1380013', null],
  ])('reads %s as %s', (q, expected) => {
    expect(phoneFromQuery(q)).toBe(expected);
  });
});
