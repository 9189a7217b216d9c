import { COMPLAINT_WORDS, evaluateKbMatching, type KbArticleForMatch, KB_MIN_SCORE, matchKnowledgeBase, normalizeQuestion, wantsHuman } from './kb-match';
import { HANDOVER_PHRASES, KB_CATEGORIES } from './service-vocabulary';
import { KB_FIXTURE_ARTICLES, KB_FIXTURE_QUESTIONS } from './testing/kb-fixture';

const sut = (question: string, options?: Parameters<typeof matchKnowledgeBase>[2]) => matchKnowledgeBase(question, KB_FIXTURE_ARTICLES, options);

describe(normalizeQuestion.name, () => {
  it.each<[string, string]>([
    ['积分，会过期吗？？', '积分会过期吗'],
    ['ＳＰＦ５０和ＰＡ＋＋＋', 'spf50和pa'],
    ['SPF 50 是什么意思!', 'spf50是什么意思'],
    ['积分😭会清零吗🙏🏻', '积分会清零吗'],
    ['  在吗\n在吗  ', '在吗在吗'],
    ['「优惠券」怎么用…', '优惠券怎么用'],
    ['VIP', 'vip'],
    ['🎂🎉', ''],
  ])('%p → %p', (text, normalized) => {
    expect(normalizeQuestion(text)).toBe(normalized);
  });
});

describe(wantsHuman.name, () => {
  it.each([...HANDOVER_PHRASES, '我要人工', '转人工客服', '人工', '人工！！', '人工客服在吗', '找真人', '能不能转人工', '我要找客服', '你这个机器人听不懂 我要人工', '有人工吗', '人工服务谢谢', '帮我联系客服', '转 人 工', 'human please', '叫个活人来'])(
    'hands %p to a person',
    (text) => {
      expect(wantsHuman(text)).toBe(true);
    },
  );

  it.each(['人工香料是什么', '有人工色素吗', '人工智能', '这个面霜是人工合成的吗', '不用转人工了', '不要人工', '别转人工 我自己看看', '你好', '积分会过期吗', '谢谢', ''])('does not hand %p to a person', (text) => {
    expect(wantsHuman(text)).toBe(false);
  });
});

describe(matchKnowledgeBase.name, () => {
  it('answers with the article whose keywords the question contains, saying which matched', () => {
    const { best } = sut('优惠券怎么用？');
    expect(best).toMatchObject({ articleId: 'kb-coupon-usage', question: '优惠券怎么用？可以叠加吗？', matched: ['优惠券', '券'] });
    expect(best?.score).toBeGreaterThan(KB_MIN_SCORE);
    expect(best?.score).toBeLessThanOrEqual(1);
  });

  it('prefers the article that explains more of the question', () => {
    const { best, candidates } = sut('积分会过期吗');
    expect(best?.articleId).toBe('kb-points-expiry');
    expect(best?.matched).toEqual(['积分', '过期']);
    expect(candidates.map((c) => c.articleId)).toContain('kb-shelf-life');
  });

  it('finds a synonym that shares no word with the article’s question', () => {
    expect(sut('我不想当会员了').best).toMatchObject({ articleId: 'kb-delete-account', matched: ['不想当会员'] });
  });

  it('finds a phrase with up to two words slipped in, but not a scattered one', () => {
    const articles: KbArticleForMatch[] = [{ id: 'privacy', question: '怎么删除个人信息？', keywords: [], synonyms: ['删除个人信息'] }];
    expect(matchKnowledgeBase('怎么删除我的个人信息', articles).best).toMatchObject({ articleId: 'privacy', matched: ['删除个人信息'] });
    expect(matchKnowledgeBase('删除了我以前的个人信息', articles).best).toBeNull();
    expect(sut('怎么删除我的个人信息').best?.articleId).toBe('kb-delete-account');
  });

  it('reads full-width letters and mixed English', () => {
    expect(sut('ｓｐｆ要多久补涂一次').best?.articleId).toBe('kb-sunscreen');
    expect(sut('coupon怎么使用').best?.articleId).toBe('kb-coupon-usage');
  });

  it('matches a short English term only as a whole word', () => {
    expect(sut('PA+++是什么意思').best?.articleId).toBe('kb-sunscreen');
    expect(sut('可以用paypal付款吗').candidates.map((c) => c.articleId)).not.toContain('kb-sunscreen');
  });

  it.each(['你好', '在吗？？', '谢谢', '今天天气怎么样', '人工香料是什么', '哈哈哈哈', '👍👍', '', '？？？'])('does not answer %p', (text) => {
    expect(sut(text).best).toBeNull();
  });

  it('does not guess when the question fits several articles equally (积分 alone)', () => {
    const { best, candidates } = sut('积分');
    expect(best).toBeNull();
    expect(candidates.map((c) => c.articleId).sort()).toEqual(['kb-points-expiry', 'kb-points-redeem', 'kb-points-rules']);
  });

  it('leaves complaints to a person even when they name a topic', () => {
    expect(sut('我要投诉你们门店').best).toBeNull();
    expect(sut('我要投诉你们门店').candidates[0]?.articleId).toBe('kb-store-hours');
    expect(COMPLAINT_WORDS).toContain('投诉');
  });

  it('lists at most 3 candidates, best first, all above 0', () => {
    for (const { text } of KB_FIXTURE_QUESTIONS) {
      const { best, candidates } = sut(text);
      expect(candidates.length).toBeLessThanOrEqual(3);
      for (const c of candidates) expect(c.score).toBeGreaterThan(0);
      for (let i = 1; i < candidates.length; i++) expect(candidates[i - 1].score).toBeGreaterThanOrEqual(candidates[i].score);
      if (best !== null) expect(best).toEqual(candidates[0]);
    }
  });

  it('keeps every score within 0..1 and lists only the article’s own keywords and synonyms as matched', () => {
    const byId = new Map(KB_FIXTURE_ARTICLES.map((a) => [a.id, a]));
    for (const { text } of KB_FIXTURE_QUESTIONS) {
      for (const c of sut(text).candidates) {
        expect(c.score).toBeLessThanOrEqual(1);
        const article = byId.get(c.articleId);
        for (const term of c.matched) expect([...(article?.keywords ?? []), ...(article?.synonyms ?? [])]).toContain(term);
      }
    }
  });

  it('answers each article’s own question with that article', () => {
    for (const article of KB_FIXTURE_ARTICLES) expect(sut(article.question).best?.articleId).toBe(article.id);
  });

  it('honours a higher minimum score', () => {
    expect(sut('怎么退货').best?.articleId).toBe('kb-return-exchange');
    expect(sut('怎么退货', { minScore: 0.99 }).best).toBeNull();
    expect(sut('怎么退货', { minScore: 0.99 }).candidates[0]?.articleId).toBe('kb-return-exchange');
  });

  it('uses the word cutter it is given for the overlap with the article’s question', () => {
    const seen: string[] = [];
    const spy = (text: string) => {
      seen.push(text);
      return [text];
    };
    sut('发票怎么开？', { tokenize: spy });
    expect(seen).toContain('发票怎么开');
    expect(seen).toContain('怎么开发票');
    const withOverlap = sut('怎么开发票').best?.score ?? 0;
    const withoutOverlap = sut('怎么开发票', { tokenize: () => [] }).best?.score ?? 0;
    expect(withoutOverlap).toBeLessThan(withOverlap);
  });

  it('works with an article that has only synonyms, and with no articles at all', () => {
    const articles: KbArticleForMatch[] = [{ id: 'gift-wrap', question: '可以礼盒包装吗？', keywords: [], synonyms: ['礼盒', '包装', '送人'] }];
    expect(matchKnowledgeBase('想送人 能包装一下吗', articles).best).toMatchObject({ articleId: 'gift-wrap', matched: ['包装', '送人'] });
    expect(matchKnowledgeBase('你好', articles).best).toBeNull();
    expect(matchKnowledgeBase('怎么退货', [])).toEqual({ best: null, candidates: [] });
  });

  it('ignores blank and repeated keywords', () => {
    const articles: KbArticleForMatch[] = [{ id: 'a', question: '怎么开发票？', keywords: ['发票', ' 发票 ', '', '！'], synonyms: ['发票', '开票'] }];
    expect(matchKnowledgeBase('开发票', articles).best?.matched).toEqual(['发票']);
  });
});

describe(evaluateKbMatching.name, () => {
  const articles: KbArticleForMatch[] = [
    { id: 'invoice', question: '怎么开发票？', keywords: ['发票'], synonyms: ['开票'] },
    { id: 'shipping', question: '什么时候发货？', keywords: ['发货'], synonyms: ['快递'] },
  ];

  it('counts right, wrong, missed and false answers', () => {
    const e = evaluateKbMatching(articles, [
      { text: '能开票吗', expected: 'invoice' },
      { text: '快递到哪了', expected: 'invoice' },
      { text: '怎么退货', expected: 'shipping' },
      { text: '发货了吗', expected: 'shipping' },
      { text: '你好', expected: null },
      { text: '发票', expected: null },
    ]);
    expect(e).toEqual({
      answerable: 4,
      correct: 2,
      wrongArticle: 1,
      missed: 1,
      unanswerable: 2,
      falseAnswers: 1,
      accuracy: 0.5,
      falseAnswerRate: 0.5,
      failures: [
        { text: '快递到哪了', expected: 'invoice', got: 'shipping' },
        { text: '怎么退货', expected: 'shipping', got: null },
        { text: '发票', expected: null, got: 'invoice' },
      ],
    });
  });

  it('reports rates of 0 when there is nothing to measure', () => {
    expect(evaluateKbMatching(articles, [])).toMatchObject({ accuracy: 0, falseAnswerRate: 0 });
  });
});

describe('knowledge-base fixture', () => {
  const ids = KB_FIXTURE_ARTICLES.map((a) => a.id);

  it('has about 20 articles with stable, unique ids and valid categories', () => {
    expect(KB_FIXTURE_ARTICLES.length).toBeGreaterThanOrEqual(20);
    expect(new Set(ids).size).toBe(ids.length);
    for (const a of KB_FIXTURE_ARTICLES) {
      expect(a.id).toMatch(/^kb-[a-z]+(?:-[a-z]+)*$/);
      expect(KB_CATEGORIES).toContain(a.category);
    }
  });

  it('can be saved through the console (the limits of KbArticleDto)', () => {
    for (const a of KB_FIXTURE_ARTICLES) {
      expect(a.question.length).toBeGreaterThanOrEqual(2);
      expect(a.question.length).toBeLessThanOrEqual(100);
      expect(a.answer.length).toBeGreaterThanOrEqual(2);
      expect(a.answer.length).toBeLessThanOrEqual(1000);
      expect(a.keywords.length).toBeLessThanOrEqual(20);
      expect(a.synonyms.length).toBeLessThanOrEqual(40);
      for (const term of [...a.keywords, ...a.synonyms]) {
        expect(term.length).toBeGreaterThanOrEqual(1);
        expect(term.length).toBeLessThanOrEqual(20);
      }
      expect(new Set([...a.keywords, ...a.synonyms].map(normalizeQuestion)).size).toBe(a.keywords.length + a.synonyms.length);
    }
  });

  it('asks at least 100 answerable questions, several per article, and at least 20 that nothing answers', () => {
    const answerable = KB_FIXTURE_QUESTIONS.filter((q) => q.expected !== null);
    expect(answerable.length).toBeGreaterThanOrEqual(100);
    expect(KB_FIXTURE_QUESTIONS.filter((q) => q.expected === null).length).toBeGreaterThanOrEqual(20);
    for (const q of answerable) expect(ids).toContain(q.expected);
    for (const id of ids) expect(answerable.filter((q) => q.expected === id).length).toBeGreaterThanOrEqual(4);
    const texts = KB_FIXTURE_QUESTIONS.map((q) => q.text);
    expect(new Set(texts).size).toBe(texts.length);
  });
});

describe('knowledge-base matching quality on the fixture', () => {
  it('answers at least 95% of answerable questions with the right article and almost never answers the others', () => {
    const e = evaluateKbMatching(KB_FIXTURE_ARTICLES, KB_FIXTURE_QUESTIONS);
    console.log(
      `KB matching (default tokenizer): accuracy ${e.correct}/${e.answerable} = ${(e.accuracy * 100).toFixed(1)}% ` +
        `(wrong article ${e.wrongArticle}, missed ${e.missed}); false answers ${e.falseAnswers}/${e.unanswerable} = ${(e.falseAnswerRate * 100).toFixed(1)}%`,
    );
    expect(e.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(e.wrongArticle).toBeLessThanOrEqual(2);
    expect(e.falseAnswerRate).toBeLessThanOrEqual(0.03);
  });

  it('keeps that quality with the dictionary word cutter the API uses (Intl.Segmenter)', () => {
    // The same word cutter as the API's KnowledgeBaseService (ICU word segmentation, word-like segments only).
    const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });
    const segmentWords = (text: string) => Array.from(segmenter.segment(text)).filter((s) => s.isWordLike).map((s) => s.segment);
    const e = evaluateKbMatching(KB_FIXTURE_ARTICLES, KB_FIXTURE_QUESTIONS, { tokenize: segmentWords });
    console.log(`KB matching (Intl.Segmenter words, as the API): accuracy ${(e.accuracy * 100).toFixed(1)}%, false answers ${(e.falseAnswerRate * 100).toFixed(1)}%`);
    expect(e.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(e.falseAnswerRate).toBeLessThanOrEqual(0.03);
  });
});
