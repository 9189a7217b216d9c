/** A distance in metres as a member reads it: `0.8 km`, `12.3 km`, `128 km`; `''` when unknown. */
export function formatDistance(metres: number | null | undefined): string {
  if (metres === null || metres === undefined || !Number.isFinite(metres) || metres < 0) return '';
  if (metres < 100) return '<0.1 km';
  // Round whole hundreds of metres: `toFixed` on a binary float turns 0.85 into "0.8".
  const tenths = Math.round(metres / 100);
  return tenths < 1000 ? `${Math.floor(tenths / 10)}.${tenths % 10} km` : `${Math.round(metres / 1000)} km`;
}
