import { createHmac, timingSafeEqual } from 'node:crypto';

/** Minutes a member code stays valid after it was issued (it works offline for that long). */
export const MEMBER_CODE_LIFETIME_MIN = 5;
/** How often the mini-program asks for a fresh code. */
export const MEMBER_CODE_REFRESH_SEC = 60;

/** Member numbers: 10 readable characters for members who joined, `S` + 7 digits for imported store customers. */
const MEMBER_NO = /^[0-9A-Z]{4,16}$/;
const CODE = /^([0-9A-Z]{4,16}?)(\d{2})(\d{6})$/;

function mac(key: Buffer, memberNo: string, minute: number): string {
  const digest = createHmac('sha256', key).update(`${memberNo}:${minute}`).digest();
  return String(digest.readUInt32BE(0) % 1_000_000).padStart(6, '0');
}

/**
 * The rotating member code: member number (usually 10 characters), issue minute mod 100 (2 digits) and a 6-digit HMAC of both.
 * Signed rather than stored, so the till can check it without the member being online.
 */
export function issueMemberCode(key: Buffer, memberNo: string, now: Date): { code: string; expiresAt: Date } {
  if (!MEMBER_NO.test(memberNo)) throw new Error('member number has an unexpected shape');
  const minute = Math.floor(now.getTime() / 60_000);
  return {
    code: `${memberNo}${String(minute % 100).padStart(2, '0')}${mac(key, memberNo, minute)}`,
    expiresAt: new Date((minute + MEMBER_CODE_LIFETIME_MIN) * 60_000),
  };
}

/**
 * The member number of a code issued within its lifetime (a minute of clock skew allowed), or null. Spaces, dashes
 * and lower case from typing are forgiven.
 */
export function verifyMemberCode(key: Buffer, raw: string, now: Date): string | null {
  const m = CODE.exec(raw.replace(/[\s-]/g, '').toUpperCase());
  if (!m) return null;
  const [, memberNo, low, given] = m;
  const nowMin = Math.floor(now.getTime() / 60_000);
  for (let minute = nowMin + 1; minute > nowMin - MEMBER_CODE_LIFETIME_MIN; minute--) {
    if (minute % 100 !== Number(low)) continue;
    const expected = mac(key, memberNo, minute);
    return timingSafeEqual(Buffer.from(expected), Buffer.from(given)) ? memberNo : null;
  }
  return null;
}
