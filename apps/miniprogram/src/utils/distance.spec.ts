import { formatDistance } from './distance';

describe(formatDistance.name, () => {
  it.each([
    [null, ''],
    [undefined, ''],
    [Number.NaN, ''],
    [-5, ''],
    [40, '<0.1 km'],
    [850, '0.9 km'],
    [1234, '1.2 km'],
    [12_345, '12.3 km'],
    [99_940, '99.9 km'],
    [99_960, '100 km'],
    [128_400, '128 km'],
  ])('formats %p metres as %p', (metres, expected) => {
    expect(formatDistance(metres)).toBe(expected);
  });
});
