import Taro from '@tarojs/taro';

const KEY = 'glow.service.csat-rated';
const KEEP = 50;

/**
 * Ratings the member gave from the chat, kept on the device: a CSAT invite is a message, and the message does not
 * change when the member rates, so without this the card would ask again after a reload (and the API answer 409).
 */
function load(): Record<string, number> {
  const stored: unknown = Taro.getStorageSync(KEY);
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, number>) : {};
}

export function ratedScore(subjectId: string): number | null {
  const score = load()[subjectId];
  return typeof score === 'number' ? score : null;
}

export function rememberRating(subjectId: string, score: number): void {
  const entries = Object.entries(load()).filter(([id]) => id !== subjectId);
  entries.push([subjectId, score]);
  Taro.setStorageSync(KEY, Object.fromEntries(entries.slice(-KEEP)));
}

