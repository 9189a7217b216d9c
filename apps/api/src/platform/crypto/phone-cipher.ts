import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Phone numbers at rest: AES-256-GCM ciphertext for reading back, and a keyed HMAC blind index
 * so an exact phone can be found (and kept unique) without storing it in clear.
 */
export class PhoneCipher {
  private readonly encKey: Buffer;
  private readonly hmacKey: Buffer;

  constructor(encryptionKeyBase64: string, hmacKeyBase64: string) {
    this.encKey = Buffer.from(encryptionKeyBase64, 'base64');
    this.hmacKey = Buffer.from(hmacKeyBase64, 'base64');
    if (this.encKey.length !== 32 || this.hmacKey.length !== 32) throw new Error('phone keys must be 32 bytes');
  }

  /** `v1.<iv>.<tag>.<ciphertext>`, base64url; the version prefix leaves room for key rotation. */
  encrypt(phone: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const ct = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
    return ['v1', iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join('.');
  }

  decrypt(payload: string): string {
    const [version, iv, tag, ct] = payload.split('.');
    if (version !== 'v1' || !iv || !tag || !ct) throw new Error('unknown phone ciphertext format');
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }

  blindIndex(phone: string): string {
    return createHmac('sha256', this.hmacKey).update(phone).digest('hex');
  }
}
