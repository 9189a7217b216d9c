import { issueMemberCode, verifyMemberCode } from './member-code';

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const memberNo = 'K7XM2P9ABC';
const at = (iso: string) => new Date(iso);

describe('member code', () => {
  const issuedAt = at('2026-11-23T10:00:30Z');
  const { code, expiresAt } = issueMemberCode(key, memberNo, issuedAt);

  it('is 18 characters: the member number, two digits of the minute and a six-digit signature', () => {
    expect(code).toMatch(/^K7XM2P9ABC\d{8}$/);
    expect(expiresAt.toISOString()).toBe('2026-11-23T10:05:00.000Z');
  });

  it.each([
    ['right away', '2026-11-23T10:00:31Z'],
    ['four minutes later, while the phone is offline', '2026-11-23T10:04:59Z'],
    ['with the till clock a minute behind', '2026-11-23T09:59:40Z'],
  ])('is accepted %s', (_, now) => {
    expect(verifyMemberCode(key, code, at(now))).toBe(memberNo);
  });

  it.each([
    ['once its five minutes are over', '2026-11-23T10:05:00Z'],
    ['an hour and a half later, when the two minute digits come round again', '2026-11-23T11:40:10Z'],
  ])('is refused %s', (_, now) => {
    expect(verifyMemberCode(key, code, at(now))).toBeNull();
  });

  it('forgives spaces, dashes and lower case typed at the till', () => {
    const typed = `${code.slice(0, 5).toLowerCase()} ${code.slice(5, 10)}-${code.slice(10)}`;
    expect(verifyMemberCode(key, typed, at('2026-11-23T10:01:00Z'))).toBe(memberNo);
  });

  it('refuses a code signed with another key, a changed member number or a changed digit', () => {
    const now = at('2026-11-23T10:01:00Z');
    expect(verifyMemberCode(otherKey, code, now)).toBeNull();
    expect(verifyMemberCode(key, `K7XM2P9ABD${code.slice(10)}`, now)).toBeNull();
    const last = code.at(-1) === '0' ? '1' : '0';
    expect(verifyMemberCode(key, `${code.slice(0, -1)}${last}`, now)).toBeNull();
  });

  it('works for imported store customers whose number is S and seven digits', () => {
    const issued = issueMemberCode(key, 'S0000123', issuedAt);
    expect(issued.code).toMatch(/^S0000123\d{8}$/);
    expect(verifyMemberCode(key, issued.code, at('2026-11-23T10:02:00Z'))).toBe('S0000123');
  });

  it.each(['', 'hello', 'K7XM2P9ABC1234567', 'K7XM2P9ABC12345X78'])('refuses the malformed input %p', (raw) => {
    expect(verifyMemberCode(key, raw, at('2026-11-23T10:01:00Z'))).toBeNull();
  });
});
