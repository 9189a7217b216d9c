import { cleanWords, handoverRate, kbFormProblems, toKbArticleDto, toKbFormValues } from './kb-form';
import { kbArticle } from './service.fixtures';

describe(kbFormProblems.name, () => {
  const valid = toKbFormValues(kbArticle());

  it('accepts a complete article', () => {
    expect(kbFormProblems(valid)).toEqual({});
  });

  it.each([
    [{ question: '物' }, { question: '问题须为 2–100 个字' }],
    [{ answer: ' ' }, { answer: '回答须为 2–1000 个字' }],
    [{ keywords: ['一二三四五六七八九十一二三四五六七八九十一'] }, { keywords: '「一二三四五六七八九十一二三四五六七八九十一」超过 20 个字' }],
    [{ keywords: Array.from({ length: 21 }, (_, i) => `词${i}`) }, { keywords: '关键词最多 20 个' }],
    [{ keywords: [], synonyms: [] }, { keywords: '请至少填写一个关键词，智能助手靠它识别问题' }],
  ])('%j → %j', (change, problems) => {
    expect(kbFormProblems({ ...valid, ...change })).toEqual(problems);
  });
});

describe(toKbArticleDto.name, () => {
  it('trims and drops blank or repeated words', () => {
    expect(cleanWords([' 物流 ', '物流', '', '快递'])).toEqual(['物流', '快递']);
    expect(toKbArticleDto({ ...toKbFormValues(null), question: ' 怎么退货？ ', answer: ' 七天无理由 ', keywords: ['退货', ' 退货'] })).toEqual({
      question: '怎么退货？',
      keywords: ['退货'],
      synonyms: [],
      answer: '七天无理由',
      category: 'other',
      enabled: true,
    });
  });
});

describe(handoverRate.name, () => {
  it('is the handovers over the answers, none before the first answer', () => {
    expect(handoverRate({ answeredCount: 120, handoverCount: 12 })).toBeCloseTo(0.1);
    expect(handoverRate({ answeredCount: 0, handoverCount: 0 })).toBeNull();
  });
});
