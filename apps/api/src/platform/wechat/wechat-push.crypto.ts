import { createDecipheriv, createHash, timingSafeEqual } from 'node:crypto';

/**
 * WeChat message push (reference/wechat-protocol.md §6a–6c): signatures over the Token, and safe-mode decryption
 * (AES-256-CBC, key = base64(EncodingAESKey + '='), IV = key[0..16], PKCS#7 padding to 32-byte blocks, plaintext
 * `random(16) || uint32be(length) || message || appid`).
 */

function sha1Sorted(parts: string[]): string {
  return createHash('sha1').update([...parts].sort().join('')).digest('hex');
}

function sameHex(a: string, b: string): boolean {
  const x = Buffer.from(a.toLowerCase());
  const y = Buffer.from(b.toLowerCase());
  return x.length === y.length && timingSafeEqual(x, y);
}

/** `signature = sha1(sort([token, timestamp, nonce]))`: URL verification and every push. */
export function pushSignatureValid(token: string, timestamp: string, nonce: string, signature: string): boolean {
  return /^[0-9a-f]{40}$/i.test(signature) && sameHex(sha1Sorted([token, timestamp, nonce]), signature);
}

/** Safe mode: `msg_signature = sha1(sort([token, timestamp, nonce, Encrypt]))`. */
export function pushMessageSignatureValid(token: string, timestamp: string, nonce: string, encrypted: string, msgSignature: string): boolean {
  return /^[0-9a-f]{40}$/i.test(msgSignature) && sameHex(sha1Sorted([token, timestamp, nonce, encrypted]), msgSignature);
}

/** Decrypts a safe-mode `Encrypt` and checks it was meant for our app id; null for anything malformed or foreign. */
export function decryptPush(encodingAesKey: string, encrypted: string, appId: string): string | null {
  try {
    const key = Buffer.from(`${encodingAesKey}=`, 'base64');
    if (key.length !== 32) return null;
    const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16));
    decipher.setAutoPadding(false);
    const padded = Buffer.concat([decipher.update(Buffer.from(encrypted, 'base64')), decipher.final()]);
    const pad = padded[padded.length - 1];
    if (pad < 1 || pad > 32 || padded.length < 20 + pad) return null;
    const plain = padded.subarray(0, padded.length - pad);
    const length = plain.readUInt32BE(16);
    if (20 + length > plain.length) return null;
    const message = plain.subarray(20, 20 + length).toString('utf8');
    const trailingAppId = plain.subarray(20 + length).toString('utf8');
    return trailingAppId === appId ? message : null;
  } catch {
    return null;
  }
}
