import { parseScene } from '@glow/domain';

/** Where this user came from, passed on when they join. */
export interface JoinSource {
  /** The `scene` of a store or advisor QR code (`s=…&a=…&r=…`). */
  scene?: string;
  /** A friend's referral code from a shared link (`?ref=`). */
  referralCode?: string;
}

type Query = Record<string, string | undefined>;

const REFERRAL_CODE = /^[A-Za-z0-9]{4,16}$/;

let remembered: JoinSource = {};

/**
 * Remembers the scene and referral code of a launch or page query until the user joins; a later valid
 * value replaces an earlier one. A scene that cannot be read is dropped rather than sent, so a damaged QR
 * code does not stop anyone from joining.
 */
export function rememberJoinSource(query: Query | undefined): void {
  if (!query) return;
  const scene = decodeScene(query.scene);
  if (scene && parseScene(scene).ok) remembered = { ...remembered, scene };
  const referral = query.ref?.trim();
  if (referral && REFERRAL_CODE.test(referral)) remembered = { ...remembered, referralCode: referral.toUpperCase() };
}

export function joinSource(): JoinSource {
  return { ...remembered };
}

/** Test hook: forget everything remembered. */
export function resetJoinSource(): void {
  remembered = {};
}

/**
 * WeChat passes a QR code's scene URL-encoded (`s%3D0021`), so it is decoded once; a scene itself may not
 * contain `%`, which makes decoding an already decoded value harmless.
 */
function decodeScene(raw: string | undefined): string | null {
  if (!raw) return null;
  try {
    return decodeURIComponent(raw).trim() || null;
  } catch {
    return null;
  }
}
