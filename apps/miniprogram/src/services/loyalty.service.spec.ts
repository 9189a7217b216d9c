import { getMemberCode, getRedemption, getReward, listMyRedemptions, listPointsHistory, listRewards, redeemReward } from './loyalty.service';
import { memberHttp } from './member-session';
import { listMyOrders } from './order.service';

jest.mock('./member-session', () => ({ memberHttp: { get: jest.fn(() => Promise.resolve({})), post: jest.fn(() => Promise.resolve({})) } }));

const get = jest.mocked(memberHttp.get);
const post = jest.mocked(memberHttp.post);

describe('loyalty and order services', () => {
  beforeEach(() => jest.clearAllMocks());

  it('reads the member code, the mall, redemptions and orders from the member routes', async () => {
    await getMemberCode();
    await listRewards();
    await listMyRedemptions();
    await listMyOrders();

    expect(get.mock.calls.map(([path]) => path)).toEqual(['/loyalty/member-code', '/loyalty/rewards', '/loyalty/redemptions', '/orders/mine']);
  });

  it('asks for one page of the points history', async () => {
    await listPointsHistory(3, 20);

    expect(get).toHaveBeenCalledWith('/loyalty/points/history?page=3&pageSize=20');
  });

  it('escapes ids in paths', async () => {
    await getReward('a/b');
    await getRedemption('r 1');

    expect(get.mock.calls.map(([path]) => path)).toEqual(['/loyalty/rewards/a%2Fb', '/loyalty/redemptions/r%201']);
  });

  it('redeems with the idempotency key in the body', async () => {
    await redeemReward('rw-1', 'redeem-abc-123456789012');

    expect(post).toHaveBeenCalledWith('/loyalty/rewards/rw-1/redeem', { idempotencyKey: 'redeem-abc-123456789012' });
  });
});
