import { randomBytes } from 'node:crypto';

function urlSafe(length: number): string {
  return randomBytes(Math.ceil((length * 3) / 4))
    .toString('base64url')
    .slice(0, length);
}

export function randomHex(length: number): string {
  return randomBytes(Math.ceil(length / 2))
    .toString('hex')
    .slice(0, length);
}

/** Real openids are 28 characters starting with `o`, e.g. `oZt7lwMZFrjhnxZdhi_2HxK46Bu4`. */
export function newOpenid(): string {
  return `o${urlSafe(27)}`;
}

/** Template ids from the WeChat console are 43 url-safe characters, e.g. `VRR0UEO9VJOLs0MHlU0OilqX6MVFDwH3_3gz3Oc0NIc`. */
export function newTemplateId(): string {
  return urlSafe(43);
}

/** Real tokens look like `92_` followed by ~140 url-safe characters; callers must not rely on the length. */
export function newAccessToken(): string {
  return `92_${urlSafe(137)}`;
}

/** session_key is the base64 of a 16-byte AES key, so legacy `encryptedData` decryption can use it. */
export function newSessionKey(): string {
  return randomBytes(16).toString('base64');
}
