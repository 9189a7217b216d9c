import { orderNumber } from './order-no';

describe('orderNumber', () => {
  it('dates an order by the Shanghai business day and pads the serial, so numbers sort and are 17 characters', () => {
    expect(orderNumber('S', new Date('2026-11-23T17:30:00Z'), 4815162)).toBe('S2026112404815162');
    expect(orderNumber('W', new Date('2026-11-23T03:00:00Z'), 7)).toBe('W2026112300000007');
  });
});
