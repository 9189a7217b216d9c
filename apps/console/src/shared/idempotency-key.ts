import { useRef } from 'react';

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A fresh idempotency key (a version 4 UUID). `crypto.randomUUID` exists only in secure contexts, and a till may
 * open the console over plain HTTP on the store network, so the key is built from `getRandomValues` when it is missing.
 */
export function newIdempotencyKey(): string {
  const webCrypto = globalThis.crypto;
  if (typeof webCrypto.randomUUID === 'function') return webCrypto.randomUUID();
  const bytes = webCrypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const text = hex(bytes);
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
}

export interface IdempotencyKeys {
  /** The key of the operation on `target`: the same one on every retry until `settle(target)`. */
  keyFor: (target: string) => string;
  /** The operation on `target` succeeded: the next one gets a new key. */
  settle: (target: string) => void;
}

/**
 * One idempotency key per intended operation (a purchase, a refund of one order…). A request that failed may still
 * have been carried out (the answer can be lost on the way back), so a retry must repeat its key and the API then
 * answers the first result instead of doing it twice; only a success starts a new operation. Keys are read in event
 * handlers, never while rendering.
 */
export function useIdempotencyKeys(): IdempotencyKeys {
  const keys = useRef(new Map<string, string>());
  return {
    keyFor: (target) => {
      const known = keys.current.get(target);
      if (known) return known;
      const key = newIdempotencyKey();
      keys.current.set(target, key);
      return key;
    },
    settle: (target) => {
      keys.current.delete(target);
    },
  };
}
