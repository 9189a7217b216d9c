import { createCipheriv, createDecipheriv, createHash, randomBytes, randomInt } from 'node:crypto';

/** The console generates EncodingAESKeys of 43 letters and digits: base64 of a 32-byte key without its `=`. */
export const ENCODING_AES_KEY_PATTERN = /^[A-Za-z0-9]{43}$/;

/** WeChat pads to the key length, not to AES's 16-byte block (§6c; WxJava `PKCS7Encoder.BLOCK_SIZE = 32`). */
const PKCS7_BLOCK_SIZE = 32;
const RANDOM_PREFIX_BYTES = 16;
const LENGTH_BYTES = 4;

/**
 * The signature of every push (§6a, §6c): sha1 over the parts sorted as strings and joined without separator, as
 * lowercase hex. Three parts `[token, timestamp, nonce]` give `signature`; four, with `Encrypt`, give `msg_signature`.
 */
export function pushSignature(parts: readonly string[]): string {
  return createHash('sha1')
    .update([...parts].sort().join(''))
    .digest('hex');
}

/** Timestamps and nonces in pushes are decimal digits, like `1714037059` and `486452656`. */
export function pushNonce(): string {
  return String(randomInt(100_000_000, 2_147_483_647));
}

/** AESKey = base64_decode(EncodingAESKey + "="), 32 bytes; the IV is its first 16 bytes (§6c). */
function aesKeyOf(encodingAesKey: string): Buffer {
  if (!ENCODING_AES_KEY_PATTERN.test(encodingAesKey)) throw new Error('EncodingAESKey must be 43 letters and digits');
  return Buffer.from(`${encodingAesKey}=`, 'base64');
}

function pkcs7Pad(data: Buffer): Buffer {
  const padding = PKCS7_BLOCK_SIZE - (data.length % PKCS7_BLOCK_SIZE);
  return Buffer.concat([data, Buffer.alloc(padding, padding)]);
}

function pkcs7Unpad(data: Buffer): Buffer {
  const padding = data[data.length - 1] ?? 0;
  if (padding < 1 || padding > PKCS7_BLOCK_SIZE || padding > data.length) throw new Error('bad PKCS#7 padding');
  return data.subarray(0, data.length - padding);
}

/**
 * The `Encrypt` field of a safe-mode push: base64 of AES-256-CBC without built-in padding over
 * `random(16) || uint32_be(len(msg)) || msg || appid`, padded with PKCS#7 to 32 bytes. `random16` is a parameter only
 * so the §6c test vector can be reproduced.
 */
export function encryptPushMessage(encodingAesKey: string, appId: string, message: string, random16: Buffer = randomBytes(RANDOM_PREFIX_BYTES)): string {
  if (random16.length !== RANDOM_PREFIX_BYTES) throw new Error('the random prefix must be 16 bytes');
  const key = aesKeyOf(encodingAesKey);
  const body = Buffer.from(message, 'utf8');
  const length = Buffer.alloc(LENGTH_BYTES);
  length.writeUInt32BE(body.length);
  const plain = pkcs7Pad(Buffer.concat([random16, length, body, Buffer.from(appId, 'utf8')]));
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  return Buffer.concat([cipher.update(plain), cipher.final()]).toString('base64');
}

/** The reverse of encryptPushMessage, as a developer's server does it; the caller must check `appId` is its own. */
export function decryptPushMessage(encodingAesKey: string, encrypt: string): { message: string; appId: string } {
  const key = aesKeyOf(encodingAesKey);
  const decipher = createDecipheriv('aes-256-cbc', key, key.subarray(0, 16)).setAutoPadding(false);
  const plain = pkcs7Unpad(Buffer.concat([decipher.update(Buffer.from(encrypt, 'base64')), decipher.final()]));
  if (plain.length < RANDOM_PREFIX_BYTES + LENGTH_BYTES) throw new Error('ciphertext too short');
  const length = plain.readUInt32BE(RANDOM_PREFIX_BYTES);
  const start = RANDOM_PREFIX_BYTES + LENGTH_BYTES;
  if (start + length > plain.length) throw new Error('message length exceeds the ciphertext');
  return {
    message: plain.subarray(start, start + length).toString('utf8'),
    appId: plain.subarray(start + length).toString('utf8'),
  };
}
