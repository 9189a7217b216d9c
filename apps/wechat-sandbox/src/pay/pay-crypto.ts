import { createCipheriv, createDecipheriv, createSign, createVerify, randomBytes, randomInt } from 'node:crypto';

/** The only scheme WeChat Pay v3 uses, both in `Authorization` and in `Wechatpay-Signature-Type`. */
export const SIGNATURE_SCHEME = 'WECHATPAY2-SHA256-RSA2048';

/** Signatures whose value starts with this are deliberately wrong; merchants must reject them (§8b, 签名探测). */
export const SIGN_TEST_PREFIX = 'WECHATPAY/SIGNTEST/';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const GCM_TAG_BYTES = 16;

/** Nonces as the official SDKs make them: `length` characters of [0-9A-Za-z]. */
export function randomNonce(length = 32): string {
  return Array.from({ length }, () => ALPHANUMERIC[randomInt(ALPHANUMERIC.length)]).join('');
}

/** The five-line message a merchant signs (§8a); `url` is path plus query, without host. */
export function requestSignMessage(method: string, url: string, timestamp: string, nonce: string, body: string): string {
  return `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;
}

/** The three-line message WeChat Pay signs on replies and notifications (§8b); an empty body leaves the last line empty. */
export function responseSignMessage(timestamp: string, nonce: string, body: string): string {
  return `${timestamp}\n${nonce}\n${body}\n`;
}

/** SHA256withRSA (RSASSA-PKCS1-v1_5), base64. */
export function signSha256Rsa(privateKeyPem: string, message: string): string {
  return createSign('RSA-SHA256').update(message).sign(privateKeyPem, 'base64');
}

/** False for any signature that does not verify, including one that is not base64 at all. */
export function verifySha256Rsa(publicKeyPem: string, message: string, signature: string): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(publicKeyPem, signature, 'base64');
  } catch {
    return false;
  }
}

export type AuthorizationFields = { mchid: string; nonceStr: string; timestamp: string; serialNo: string; signature: string };

/**
 * Reads `WECHATPAY2-SHA256-RSA2048 mchid="…",nonce_str="…",timestamp="…",serial_no="…",signature="…"`. The five pairs
 * may come in any order (§8a); null when the scheme is wrong or any pair is missing or empty.
 */
export function parseAuthorization(header: string | undefined): AuthorizationFields | null {
  if (!header?.startsWith(`${SIGNATURE_SCHEME} `)) return null;
  const pairs = new Map<string, string>();
  for (const [, key, value] of header.slice(SIGNATURE_SCHEME.length + 1).matchAll(/([a-z_]+)="([^"]*)"/g)) {
    if (key !== undefined && value !== undefined) pairs.set(key, value);
  }
  const [mchid, nonceStr, timestamp, serialNo, signature] = ['mchid', 'nonce_str', 'timestamp', 'serial_no', 'signature'].map((key) => pairs.get(key));
  if (!mchid || !nonceStr || !timestamp || !serialNo || !signature) return null;
  return { mchid, nonceStr, timestamp, serialNo, signature };
}

/** The headers WeChat Pay puts on its replies and notifications (§8b), signing `body` as sent. */
export function platformSignatureHeaders(
  platform: { privateKeyPem: string; publicKeyId: string },
  timestampSeconds: number,
  body: string,
): Record<string, string> {
  const timestamp = String(timestampSeconds);
  const nonce = randomNonce();
  return {
    'wechatpay-serial': platform.publicKeyId,
    'wechatpay-timestamp': timestamp,
    'wechatpay-nonce': nonce,
    'wechatpay-signature': signSha256Rsa(platform.privateKeyPem, responseSignMessage(timestamp, nonce, body)),
    'wechatpay-signature-type': SIGNATURE_SCHEME,
  };
}

/** AEAD_AES_256_GCM as notification resources use it: base64 of ciphertext followed by the 16-byte tag. */
export function encryptResource(apiV3Key: string, nonce: string, associatedData: string, plaintext: string): string {
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const encrypted = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return encrypted.toString('base64');
}

/** The inverse of encryptResource; throws when the tag does not match (tampered ciphertext, wrong key or AAD). */
export function decryptResource(apiV3Key: string, nonce: string, associatedData: string, ciphertext: string): string {
  const bytes = Buffer.from(ciphertext, 'base64');
  if (bytes.length < GCM_TAG_BYTES) throw new Error('ciphertext shorter than the GCM tag');
  const decipher = createDecipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(bytes.subarray(bytes.length - GCM_TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(0, bytes.length - GCM_TAG_BYTES)), decipher.final()]).toString('utf8');
}

/** A wrong signature of plausible length, marked as a probe the way WeChat Pay marks them. */
export function probeSignature(): string {
  return `${SIGN_TEST_PREFIX}${randomBytes(256).toString('base64')}`;
}
