import { randomBytes } from 'node:crypto';
import { PhoneCipher } from './phone-cipher';

describe(PhoneCipher.name, () => {
  const key = () => randomBytes(32).toString('base64');
  const sut = new PhoneCipher(key(), key());

  it('reads back what it encrypted, and never stores the phone in clear', () => {
    const ct = sut.encrypt('+8613800138000');
    expect(ct).not.toContain('13800138000');
    expect(sut.decrypt(ct)).toBe('+8613800138000');
  });

  it('encrypts the same phone differently each time but indexes it the same way', () => {
    expect(sut.encrypt('+8613800138000')).not.toBe(sut.encrypt('+8613800138000'));
    expect(sut.blindIndex('+8613800138000')).toBe(sut.blindIndex('+8613800138000'));
    expect(sut.blindIndex('+8613800138000')).not.toBe(sut.blindIndex('+8613800138001'));
  });

  it('refuses a tampered ciphertext', () => {
    const [v, iv, tag, ct] = sut.encrypt('+8613800138000').split('.');
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] ^= 1;
    expect(() => sut.decrypt([v, iv, tag, flipped.toString('base64url')].join('.'))).toThrow();
  });

  it('needs the HMAC key to find a phone: another key gives another index', () => {
    const other = new PhoneCipher(key(), key());
    expect(other.blindIndex('+8613800138000')).not.toBe(sut.blindIndex('+8613800138000'));
  });
});
