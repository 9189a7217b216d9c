import { act, renderHook } from '@testing-library/react';
import { newIdempotencyKey, useIdempotencyKeys } from './idempotency-key';

/** The contract's IDEMPOTENCY_KEY_PATTERN. */
const KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,64}$/;
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(newIdempotencyKey.name, () => {
  it('makes a distinct version 4 UUID the API accepts, even where randomUUID is missing', () => {
    // jsdom, like a page served over plain HTTP, has getRandomValues but no randomUUID.
    const keys = Array.from({ length: 50 }, () => newIdempotencyKey());
    for (const key of keys) {
      expect(key).toMatch(UUID_V4);
      expect(key).toMatch(KEY_PATTERN);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe(useIdempotencyKeys.name, () => {
  it('repeats a key until the operation succeeds, per target', () => {
    const { result } = renderHook(() => useIdempotencyKeys());
    const first = result.current.keyFor('order-1');
    expect(result.current.keyFor('order-1')).toBe(first);
    expect(result.current.keyFor('order-2')).not.toBe(first);

    act(() => result.current.settle('order-1'));
    const next = result.current.keyFor('order-1');
    expect(next).not.toBe(first);
    expect(result.current.keyFor('order-1')).toBe(next);
  });
});
