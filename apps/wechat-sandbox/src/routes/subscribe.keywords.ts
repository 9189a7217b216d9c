import type { KeywordType, SubscribeField } from '../state/subscribe-templates';

/*
 * WeChat's value rules per keyword type (reference §5c, the "其他说明" table of subscribeMessage.send). Lengths are
 * counted in code points, so 20 Chinese characters and 20 letters are both a full `thing`: WeChat does not say how it
 * counts, and this reading is the one the reference recommends.
 */

const DATE_CN = String.raw`(\d{4})年(\d{1,2})月(\d{1,2})日`;
const DATE_DASH = String.raw`(\d{4})-(\d{1,2})-(\d{1,2})`;
const CLOCK = String.raw`(\d{1,2}):(\d{2})(?::(\d{2}))?`;
const CLOCK_ONLY = new RegExp(`^${CLOCK}$`);
const DATE_ONLY = new RegExp(`^(?:${DATE_CN}|${DATE_DASH})$`);
// A Chinese date may run straight into the time; a numeric one needs the space to stay readable.
const DATE_TIME = new RegExp(`^(?:${DATE_CN}\\s*|${DATE_DASH}\\s+)${CLOCK}$`);

const HAN = /\p{Script=Han}/u;
const CONTROL = /\p{C}/u;

function length(value: string): number {
  return [...value].length;
}

function numbers(match: RegExpExecArray): number[] {
  return match
    .slice(1)
    .filter((part) => part !== undefined)
    .map(Number);
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isClock(hour: number, minute: number, second = 0): boolean {
  return hour <= 23 && minute <= 59 && second <= 59;
}

/** A `time` is a clock time (seconds optional), maybe after a date; a `date` is a date, maybe followed by a clock time. */
function isPoint(text: string, type: 'time' | 'date'): boolean {
  const clock = CLOCK_ONLY.exec(text);
  if (clock) {
    const [hour, minute, second] = numbers(clock);
    return type === 'time' && isClock(hour, minute, second);
  }
  const date = DATE_ONLY.exec(text);
  if (date) {
    const [year, month, day] = numbers(date);
    return type === 'date' && isCalendarDate(year, month, day);
  }
  const dateTime = DATE_TIME.exec(text);
  if (!dateTime) return false;
  const [year, month, day, hour, minute, second] = numbers(dateTime);
  return isCalendarDate(year, month, day) && isClock(hour, minute, second);
}

/** One point, or a range of two joined by `~`. */
function isPointOrRange(value: string, type: 'time' | 'date'): boolean {
  const parts = value.split('~').map((part) => part.trim());
  return parts.length <= 2 && parts.every((part) => isPoint(part, type));
}

/** A Chinese name counts up to 10 characters; a name in letters up to 20. Digits never belong in a name. */
function isName(value: string): boolean {
  if (!/^[\p{L}\p{M}\p{P}\p{S}\p{Zs}]+$/u.test(value)) return false;
  return length(value) <= (HAN.test(value) ? 10 : 20);
}

function isAmount(value: string): boolean {
  const match = /^\p{Sc}(\d+(?:\.\d+)?)元?$/u.exec(value);
  return match?.[1] !== undefined && match[1].replace('.', '').length <= 10;
}

/** First and last may be Chinese (province, 学/警/挂…); the rest letters and digits. */
function isCarNumber(value: string): boolean {
  const chars = [...value];
  if (chars.length > 8) return false;
  return chars.every((char, i) => /^[A-Za-z0-9]$/.test(char) || ((i === 0 || i === chars.length - 1) && HAN.test(char)));
}

/** Whether a non-empty value satisfies the rule of its keyword type. */
export function isValidKeywordValue(type: KeywordType, field: SubscribeField, value: string): boolean {
  switch (type) {
    case 'thing':
      return length(value) <= 20 && !CONTROL.test(value);
    case 'number':
      return value.length <= 32 && /^\d+(?:\.\d+)?$/.test(value);
    case 'letter':
      return /^[A-Za-z]{1,32}$/.test(value);
    case 'symbol':
      return /^[\p{P}\p{S}]{1,5}$/u.test(value);
    case 'character_string':
      return /^[!-~]{1,32}$/.test(value);
    case 'time':
      return isPointOrRange(value, 'time');
    case 'date':
      return isPointOrRange(value, 'date');
    case 'amount':
      return isAmount(value);
    case 'phone_number':
      return /^[0-9+-]{1,17}$/.test(value) && /\d/.test(value);
    case 'car_number':
      return isCarNumber(value);
    case 'name':
      return isName(value);
    case 'phrase':
      return /^\p{Script=Han}{1,5}$/u.test(value);
    case 'enum':
      return field.values?.includes(value) ?? false;
  }
}
