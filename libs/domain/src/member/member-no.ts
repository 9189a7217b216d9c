const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Turns random bytes into a code people can read aloud at a till: no 0/O or 1/I.
 * The randomness comes in from the caller so the rule stays pure.
 */
export function toReadableCode(randomBytes: Uint8Array, length: number): string {
  if (randomBytes.length < length) throw new Error('not enough random bytes');
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[randomBytes[i] % ALPHABET.length];
  return out;
}
