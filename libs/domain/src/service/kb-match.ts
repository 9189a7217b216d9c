import { HANDOVER_PHRASES } from './service-vocabulary';

/** An enabled knowledge-base article, as much of it as matching needs. */
export interface KbArticleForMatch {
  id: string;
  question: string;
  keywords: string[];
  synonyms: string[];
}

export interface KbMatch {
  articleId: string;
  question: string;
  /** 0..1, see `matchKnowledgeBase`. */
  score: number;
  /** The keywords and synonyms found in the member's question, as written in the article (keywords first). */
  matched: string[];
}

export interface KbMatchOptions {
  /** Word cutter for the question overlap (the API passes Intl.Segmenter's word segmentation); default: Chinese character bigrams + ASCII words. */
  tokenize?: (text: string) => string[];
  /** The score below which the bot does not answer; default `KB_MIN_SCORE`. */
  minScore?: number;
}

/** A member who complains wants to be heard by a person, not answered with an FAQ about the word they used. */
export const COMPLAINT_WORDS = ['投诉', '差评', '举报', '曝光', '维权', '12315', '骗子', '态度差', '态度很差', '态度恶劣', '太差了', '垃圾'];

/**
 * Below this the bot says it did not understand and offers a person. Full keyword coverage alone scores 0.5, so an
 * article is answered only when all its must-have concepts are present (or nearly, with strong support from the
 * rest); on the fixture any value from 0.3 to 0.5 gives the same results.
 */
export const KB_MIN_SCORE = 0.45;
/** How far the best article must lead any rival that it does not dominate, unless it scores `KB_STRONG_SCORE`. */
export const KB_MIN_LEAD = 0.06;
export const KB_STRONG_SCORE = 0.75;

const WEIGHT_CONCEPTS = 0.5;
const WEIGHT_SPAN = 0.25;
const WEIGHT_OVERLAP = 0.25;
const CANDIDATES = 3;

/**
 * The form questions, keywords and synonyms are compared in: full-width letters, digits and signs folded to their
 * ordinary forms (NFKC: `ＳＰＦ５０` → `spf50`), lower-case, and everything that is not a letter or a digit removed —
 * punctuation, emoji, spaces — so `积分，会过期吗？？😭` and `积分会过期吗` read the same.
 */
export function normalizeQuestion(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

const HANDOVER_EXTRA = ['人工坐席', '人工座席', '转客服', '接客服', '联系客服', '叫客服', '要客服', '在线客服', '客服在吗', '客服呢', '活人', 'human', 'realperson'];
const HUMAN_PHRASES = [...HANDOVER_PHRASES, ...HANDOVER_EXTRA].map(normalizeQuestion);
/** Words before 人工 that make it a request for a person (我要人工, 转人工, 有人工吗). */
const REQUEST_BEFORE = /(?:要|想|转|找|接|切|换|叫|联系|呼叫|需要|有)$/;
/** What may follow a bare 人工 in a request (人工, 人工吧, 人工服务谢谢); anything else (人工香料, 人工智能) is another topic. */
const REQUEST_AFTER = /^(?:客服|服务|坐席|座席|回复|处理|接待|来|帮我|聊|沟通|吧|啊|呀|呢|吗|啦|了|哦|的|谢谢|好吗|可以吗|行吗|行不行|在吗|在不在|有吗)*$/;
const NEGATION_BEFORE = /(?:不|别|甭|无需|没必要)(?:用|要|想|需|需要|必)?(?:要|想|转|找|接|叫|联系)*$/;

/**
 * Does the member ask for a person? Any of `HANDOVER_PHRASES` and close variants (我要人工, 转人工客服, 找真人,
 * 联系客服), or 人工 on its own or after a request word — but not 人工 as part of another word (人工香料, 人工智能),
 * and not when negated (不用转人工).
 */
export function wantsHuman(text: string): boolean {
  const n = normalizeQuestion(text);
  for (const phrase of HUMAN_PHRASES) {
    for (let at = n.indexOf(phrase); at >= 0; at = n.indexOf(phrase, at + 1)) {
      if (!NEGATION_BEFORE.test(n.slice(0, at))) return true;
    }
  }
  for (let at = n.indexOf('人工'); at >= 0; at = n.indexOf('人工', at + 1)) {
    const before = n.slice(0, at);
    const after = n.slice(at + 2);
    if ((before === '' || REQUEST_BEFORE.test(before)) && REQUEST_AFTER.test(after) && !NEGATION_BEFORE.test(before)) return true;
  }
  return false;
}

/**
 * The articles that answer a member's question, best first. Each article is scored 0..1 from three explainable parts:
 *
 * - concepts (50 %): the share of the article's keywords found in the question. Keywords are the must-have
 *   concepts; synonyms are other wordings. A synonym found counts as one more concept when it brings words the
 *   keywords did not already cover (`积分清零` adds 清零 to 积分), and also as any keyword it spells out (`积几分`
 *   stands for 积分). An article without keywords counts any synonym as full coverage.
 * - explained (25 %): the share of the question's characters covered by the keywords and synonyms found, so the
 *   article that accounts for more of what the member wrote wins (积分会过期吗: 积分+过期 beats 过期 alone).
 * - overlap (25 %): Dice overlap of the question's tokens with the article's own question, stop words left out.
 *
 * Terms are found in the `normalizeQuestion` text: as a substring; for terms of 3 or more characters also with up
 * to 2 characters slipped in (删除我的个人信息 finds 删除个人信息); and ASCII terms of up to 3 letters (`pa`, `vip`)
 * only as whole words.
 *
 * `best` is the top article when it scores at least `minScore` and is clearly the one meant: it scores at least
 * `KB_STRONG_SCORE`, or every article within `KB_MIN_LEAD` of it was found on a strict subset of the words it was
 * found on. An ambiguous question is better handed to a person than answered wrongly, and so is a complaint
 * (`COMPLAINT_WORDS`), which the bot never answers from the knowledge base. `candidates` are the top 3 with a score
 * above 0, for the console's tester and for suggestions.
 */
export function matchKnowledgeBase(
  question: string,
  articles: KbArticleForMatch[],
  options: KbMatchOptions = {},
): { best: KbMatch | null; candidates: KbMatch[] } {
  const custom = options.tokenize;
  const tokenize = custom ? (text: string) => cleanTokens(custom(text)) : defaultTokens;
  const minScore = options.minScore ?? KB_MIN_SCORE;
  const q = normalizeQuestion(question);
  if (q === '') return { best: null, candidates: [] };
  const qWords = new Set(asciiWords(question));
  const qTokens = new Set(tokenize(spaced(question)));

  const scored = articles
    .map((article, order) => ({ order, ...scoreArticle(article, q, qWords, qTokens, tokenize) }))
    .filter(({ match }) => match.score > 0)
    .sort((a, b) => b.match.score - a.match.score || a.order - b.order);

  const [top, ...rest] = scored;
  const rivals = top === undefined ? [] : rest.filter((r) => top.match.score - r.match.score < KB_MIN_LEAD);
  const clear =
    top !== undefined &&
    !COMPLAINT_WORDS.some((w) => q.includes(w)) &&
    top.match.score >= minScore &&
    (top.match.score >= KB_STRONG_SCORE || rivals.every((r) => isSubset(r.explained, top.explained) && r.explained.size < top.explained.size));
  return { best: clear ? top.match : null, candidates: scored.slice(0, CANDIDATES).map(({ match }) => match) };
}

function scoreArticle(
  article: KbArticleForMatch,
  q: string,
  qWords: Set<string>,
  qTokens: Set<string>,
  tokenize: (text: string) => string[],
): { match: KbMatch; explained: Set<number> } {
  const explained = new Set<number>();
  const matched: string[] = [];
  const keywords = dedupeTerms(article.keywords);
  const keywordsHit = new Set<string>();
  for (const [raw, term] of keywords) {
    const found = occurrences(term, q, qWords);
    if (found.length === 0) continue;
    keywordsHit.add(term);
    matched.push(raw);
    for (const i of found) explained.add(i);
  }
  let concepts = keywordsHit.size;
  const synonymHits = dedupeTerms(article.synonyms)
    .filter(([, term]) => !keywords.some(([, k]) => k === term))
    .map(([raw, term]) => ({ raw, term, found: occurrences(term, q, qWords) }))
    .filter((hit) => hit.found.length > 0)
    .sort((a, b) => b.term.length - a.term.length);
  for (const hit of synonymHits) {
    // A synonym that spells out a keyword (积几分 for 积分) stands for that keyword as well as for what it adds.
    for (const [, keyword] of keywords) {
      if (!keywordsHit.has(keyword) && looseMatch(keyword, hit.term).length > 0) {
        keywordsHit.add(keyword);
        concepts++;
      }
    }
    if (hit.found.some((i) => !explained.has(i))) concepts++;
    matched.push(hit.raw);
    for (const i of hit.found) explained.add(i);
  }

  const conceptShare = keywords.length === 0 ? (concepts > 0 ? 1 : 0) : Math.min(1, concepts / keywords.length);
  const overlap = dice(qTokens, new Set(tokenize(spaced(article.question))));
  const score = WEIGHT_CONCEPTS * conceptShare + WEIGHT_SPAN * (explained.size / q.length) + WEIGHT_OVERLAP * overlap;
  return { match: { articleId: article.id, question: article.question, score: Math.round(score * 1000) / 1000, matched }, explained };
}

export interface KbEvaluation {
  answerable: number;
  correct: number;
  wrongArticle: number;
  missed: number;
  unanswerable: number;
  falseAnswers: number;
  /** correct / answerable (0 when nothing is answerable). */
  accuracy: number;
  /** falseAnswers / unanswerable (0 when every question is answerable). */
  falseAnswerRate: number;
  failures: { text: string; expected: string | null; got: string | null }[];
}

/**
 * How well the matcher answers a labelled set of questions: top-1 accuracy on those an article should answer, and
 * how often it answers one that no article answers (a wrong answer costs more than handing over to a person).
 */
export function evaluateKbMatching(articles: KbArticleForMatch[], questions: { text: string; expected: string | null }[], options?: KbMatchOptions): KbEvaluation {
  const e: KbEvaluation = { answerable: 0, correct: 0, wrongArticle: 0, missed: 0, unanswerable: 0, falseAnswers: 0, accuracy: 0, falseAnswerRate: 0, failures: [] };
  for (const { text, expected } of questions) {
    const got = matchKnowledgeBase(text, articles, options).best?.articleId ?? null;
    if (expected === null) {
      e.unanswerable++;
      if (got !== null) e.falseAnswers++;
    } else {
      e.answerable++;
      if (got === expected) e.correct++;
      else if (got === null) e.missed++;
      else e.wrongArticle++;
    }
    if (got !== expected) e.failures.push({ text, expected, got });
  }
  e.accuracy = e.answerable === 0 ? 0 : e.correct / e.answerable;
  e.falseAnswerRate = e.unanswerable === 0 ? 0 : e.falseAnswers / e.unanswerable;
  return e;
}

/** Characters that carry no topic (particles, pronouns, question words); a bigram made only of them is dropped. */
const STOP_CHARS = new Set('的了吗呢吧啊呀哦嘛么我你您他她它们是在有和与及或就都也还要想请问下个这那哪怎什如何能可以会不没得着过把被给让对从到为很太更最又再才几一');

/** NFKC and lower case, with every run of non-letters and non-digits turned into one space (word edges kept). */
function spaced(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function asciiWords(text: string): string[] {
  return spaced(text).match(/[a-z]+|[0-9]+/g) ?? [];
}

/** Chinese character bigrams (a lone character as itself) and ASCII words, without stop-only tokens. */
function defaultTokens(text: string): string[] {
  const tokens: string[] = [...(text.match(/[a-z]+|[0-9]+/g) ?? [])];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    if (chars.length === 1) tokens.push(chars[0]);
    for (let i = 0; i + 1 < chars.length; i++) tokens.push(chars[i] + chars[i + 1]);
  }
  return cleanTokens(tokens);
}

function cleanTokens(tokens: string[]): string[] {
  return tokens.map(normalizeQuestion).filter((t) => t !== '' && !Array.from(t).every((c) => STOP_CHARS.has(c)));
}

function dedupeTerms(terms: string[]): [raw: string, normalized: string][] {
  const seen = new Set<string>();
  const out: [string, string][] = [];
  for (const raw of terms) {
    const term = normalizeQuestion(raw);
    if (term === '' || seen.has(term)) continue;
    seen.add(term);
    out.push([raw, term]);
  }
  return out;
}

/** Words members slip into a phrase (删除我的个人信息 for 删除个人信息): a term of 3 or more characters may skip this many. */
const MAX_GAP = 2;

/**
 * The positions in `q` where `term` occurs: every exact occurrence, or else the first one with at most `MAX_GAP`
 * characters slipped in. A short ASCII term (up to 3 letters) counts only as a whole word of the question.
 */
function occurrences(term: string, q: string, qWords: Set<string>): number[] {
  if (/^[a-z]{1,3}$/.test(term) && !qWords.has(term)) return [];
  const found: number[] = [];
  for (let at = q.indexOf(term); at >= 0; at = q.indexOf(term, at + 1)) {
    for (let i = at; i < at + term.length; i++) found.push(i);
  }
  return found.length > 0 || term.length < 3 ? found : looseMatch(term, q);
}

/** The positions of the first occurrence of `term`'s characters in order in `text`, with at most `MAX_GAP` others between. */
function looseMatch(term: string, text: string): number[] {
  for (let start = text.indexOf(term[0]); start >= 0; start = text.indexOf(term[0], start + 1)) {
    const positions = [start];
    let gaps = 0;
    for (let j = start + 1; positions.length < term.length && j < text.length && gaps <= MAX_GAP; j++) {
      if (text[j] === term[positions.length]) positions.push(j);
      else gaps++;
    }
    if (positions.length === term.length && gaps <= MAX_GAP) return positions;
  }
  return [];
}

function isSubset(a: Set<number>, b: Set<number>): boolean {
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function dice(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const t of a) if (b.has(t)) common++;
  return (2 * common) / (a.size + b.size);
}
