/** Media paths the API returns (e.g. `/uploads/avatars/…`) are relative to the API origin. */
export function assetUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  return url.startsWith('/') && !url.startsWith('//') ? GLOW_API_BASE + url : url;
}
