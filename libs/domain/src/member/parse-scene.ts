/** Characters WeChat allows in a `getwxacodeunlimit` scene (max 32 of them). */
const SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

export type SceneBinding = { storeCode: string | null; advisorCode: string | null; referralCode: string | null };

export type ParseSceneResult = { ok: true; binding: SceneBinding } | { ok: false; reason: 'too-long' | 'bad-characters' | 'no-binding' | 'malformed' };

/**
 * Reads the `scene` of a store, advisor or referral QR code: `s=<store>&a=<advisor>&r=<referral>`.
 * WeChat limits a scene to 32 visible characters and forbids `%`, so the codes are short and plain.
 */
export function parseScene(scene: string): ParseSceneResult {
  if (scene.length > 32) return { ok: false, reason: 'too-long' };
  if (!SCENE_PATTERN.test(scene)) return { ok: false, reason: 'bad-characters' };
  const binding: SceneBinding = { storeCode: null, advisorCode: null, referralCode: null };
  for (const part of scene.split('&')) {
    const [key, value, ...rest] = part.split('=');
    if (!value || rest.length > 0 || !/^[A-Za-z0-9]{2,16}$/.test(value)) return { ok: false, reason: 'malformed' };
    if (key === 's') binding.storeCode = value;
    else if (key === 'a') binding.advisorCode = value;
    else if (key === 'r') binding.referralCode = value.toUpperCase();
    else return { ok: false, reason: 'malformed' };
  }
  if (!binding.storeCode && !binding.advisorCode && !binding.referralCode) return { ok: false, reason: 'no-binding' };
  return { ok: true, binding };
}

/** Builds the scene for a store QR code, optionally naming an advisor; the inverse of {@link parseScene}. */
export function buildScene(binding: Partial<SceneBinding>): string {
  const parts: string[] = [];
  if (binding.storeCode) parts.push(`s=${binding.storeCode}`);
  if (binding.advisorCode) parts.push(`a=${binding.advisorCode}`);
  if (binding.referralCode) parts.push(`r=${binding.referralCode}`);
  const scene = parts.join('&');
  if (!parseScene(scene).ok) throw new Error(`Cannot encode scene ${scene}`);
  return scene;
}
