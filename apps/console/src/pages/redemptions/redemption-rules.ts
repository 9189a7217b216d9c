/*
 * Mirrors of PickupDto's code pattern and CancelRedemptionDto's reason length: values from the contracts barrel are
 * not imported in the browser (see api-routes.ts). The API validates again.
 */
export const PICKUP_CODE_PATTERN = /^[A-Za-z0-9]{8}$/;
export const REASON_MIN = 2;
export const REASON_MAX = 100;

/**
 * The pickup code as typed, scanned or pasted ('提货码 AB12 CD34' → 'AB12CD34'): letters and digits only. The case is
 * left as typed; whether it matters is the API's to decide.
 */
export function normalizePickupCode(raw: string): string {
  return raw.replace(/[^A-Za-z0-9]/g, '');
}

/** Why `reason` cannot cancel a redemption, or null when it can. */
export function cancelReasonProblem(reason: string): string | null {
  if (reason.length < REASON_MIN) return '请填写取消原因（至少 2 个字）';
  if (reason.length > REASON_MAX) return `取消原因最多 ${REASON_MAX} 个字`;
  return null;
}
