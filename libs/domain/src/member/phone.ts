/**
 * Normalises a phone number to E.164 so one person has one blind index, whatever WeChat returned:
 * mainland numbers may arrive with or without `+86`/`86`, as `purePhoneNumber` plus `countryCode`.
 */
export function normalizePhone(purePhoneNumber: string, countryCode: string | number = '86'): string | null {
  const digits = purePhoneNumber.replace(/[\s-]/g, '');
  const cc = String(countryCode).replace(/^\+/, '');
  if (!/^\d{1,4}$/.test(cc) || !/^\d{4,15}$/.test(digits)) return null;
  if (cc === '86' && !/^1[3-9]\d{9}$/.test(digits)) return null;
  return `+${cc}${digits}`;
}

/** Shows a phone as `138****8000` (mainland) or keeps only the last four digits otherwise. */
export function maskPhone(e164: string): string {
  const mainland = /^\+861(\d{2})\d{4}(\d{4})$/.exec(e164);
  if (mainland) return `1${mainland[1]}****${mainland[2]}`;
  return `****${e164.slice(-4)}`;
}

/** Is the query a complete phone number a member could have given (mainland, 11 digits, optional +86)? */
export function phoneFromQuery(query: string): string | null {
  const q = query.replace(/[\s-]/g, '').replace(/^\+?86(?=1\d{10}$)/, '');
  return /^1[3-9]\d{9}$/.test(q) ? `+86${q}` : null;
}
