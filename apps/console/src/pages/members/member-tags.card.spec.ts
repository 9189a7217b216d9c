import type { MemberTagView } from '@glow/contracts';
import { tagLabelProblem, tagTooltip } from './member-tags.card';

describe(tagTooltip.name, () => {
  const base: MemberTagView = { tagId: 't1', key: null, label: '高潜客户', kind: 'manual', addedBy: '林导购', addedAt: '2026-11-03T06:30:00.000Z' };

  it('says who added a manual tag and when', () => {
    expect(tagTooltip(base)).toBe('添加人：林导购 · 2026-11-03 06:30');
  });

  it('calls a rule tag the system’s', () => {
    expect(tagTooltip({ ...base, kind: 'rule', key: 'sensitive-skin', addedBy: null })).toBe('系统规则');
  });
});

describe(tagLabelProblem.name, () => {
  it.each([
    ['高潜客户', null],
    ['爱 礼盒', null],
    ['', '请输入标签名称'],
    ['一二三四五六七八九十一二三', '标签最多 12 个字'],
    ['<b>', '标签不能包含 < 或 >'],
  ])('%j → %j', (label, problem) => {
    expect(tagLabelProblem(label)).toBe(problem);
  });
});
