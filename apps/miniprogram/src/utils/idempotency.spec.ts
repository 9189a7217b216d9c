import { ApiError } from '../services/http';
import { newIdempotencyKey, outcomeUnknown, pendingKey, pendingKeyFor } from './idempotency';

/** The contract's IDEMPOTENCY_KEY_PATTERN (contracts are type-only in the mini-program, so repeated here). */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;

describe(newIdempotencyKey.name, () => {
  it('makes keys the API accepts, different each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => newIdempotencyKey('redeem')));

    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(KEY_PATTERN);
  });

  it('stays within the pattern at the edges of its inputs', () => {
    expect(newIdempotencyKey('redeem', 0, () => 0)).toBe('redeem-0-000000000000');
    expect(newIdempotencyKey('redeem', Date.parse('2099-12-31T23:59:59.999Z'), () => 0.999999)).toMatch(KEY_PATTERN);
  });
});

describe(outcomeUnknown.name, () => {
  it.each([
    ['no answer at all', new ApiError('NETWORK_ERROR', '网络连接失败', 0), true],
    ['a proxy error page', new ApiError('BAD_RESPONSE', '服务暂时不可用', 502), true],
    ['a server error', new ApiError('INTERNAL_ERROR', '系统繁忙', 500), true],
    ['something thrown that is not an API error', new TypeError('boom'), true],
    ['a refusal: sold out', new ApiError('REWARD_SOLD_OUT', '该商品已兑完', 409), false],
    ['a refusal: not enough points', new ApiError('POINTS_INSUFFICIENT', '积分不足', 409), false],
  ])('%s → %s', (_, error, unknown) => {
    expect(outcomeUnknown(error)).toBe(unknown);
  });
});

describe(pendingKey.name, () => {
  it('repeats the key until the operation is settled, then makes a new one', () => {
    let made = 0;
    const sut = pendingKey(() => `key-${(made += 1)}`);

    expect(sut.take()).toBe('key-1');
    expect(sut.take()).toBe('key-1');
    sut.settle();
    expect(sut.take()).toBe('key-2');
    expect(made).toBe(2);
  });
});

describe(pendingKeyFor.name, () => {
  it('keeps one pending key per target for the whole app run', () => {
    let made = 0;
    const make = () => `key-${(made += 1)}`;

    const first = pendingKeyFor('redeem:rw-a', make).take();
    expect(pendingKeyFor('redeem:rw-a', make).take()).toBe(first);
    expect(pendingKeyFor('redeem:rw-b', make).take()).not.toBe(first);

    pendingKeyFor('redeem:rw-a', make).settle();
    expect(pendingKeyFor('redeem:rw-a', make).take()).not.toBe(first);
  });
});
