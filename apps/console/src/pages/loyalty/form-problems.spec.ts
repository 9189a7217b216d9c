import { ApiError } from '../../api/http';
import { describeField, fieldErrorsOf, formPathOf, problemSummary } from './form-problems';

const refused = new ApiError(400, 'VALIDATION_FAILED', '提交的信息有误，请检查后重试', [
  { field: 'bonusRules.1.multiplierPct', problems: ['min'] },
  { field: 'validityDays', problems: ['max', '有效期过长'] },
]);

describe(formPathOf.name, () => {
  it('turns list indexes into numbers and renames fields the form holds differently', () => {
    expect(formPathOf('bonusRules.1.value')).toEqual(['bonusRules', 1, 'value']);
    expect(formPathOf('tiers.0.minSpendFen', { minSpendFen: 'minSpendYuan' })).toEqual(['tiers', 0, 'minSpendYuan']);
  });
});

describe(describeField.name, () => {
  it('reads an API field path in the form’s words, rows counted from 1', () => {
    expect(describeField('bonusRules.1.multiplierPct', { bonusRules: '加倍规则', multiplierPct: '倍数' })).toBe('加倍规则第 2 行 · 倍数');
    expect(describeField('unknownField', {})).toBe('unknownField');
  });
});

describe(fieldErrorsOf.name, () => {
  it('groups the problems by form field, in Chinese', () => {
    expect(fieldErrorsOf(refused)).toEqual([
      { name: ['bonusRules', 1, 'multiplierPct'], errors: ['小于允许的最小值'] },
      { name: ['validityDays'], errors: ['大于允许的最大值', '有效期过长'] },
    ]);
    expect(fieldErrorsOf(new Error('boom'))).toEqual([]);
  });
});

describe(problemSummary.name, () => {
  it('lists every problem on one line, or nothing without details', () => {
    expect(problemSummary(refused, { bonusRules: '加倍规则', multiplierPct: '倍数', validityDays: '积分有效期（天）' })).toBe(
      '加倍规则第 2 行 · 倍数：小于允许的最小值；积分有效期（天）：大于允许的最大值；积分有效期（天）：有效期过长',
    );
    expect(problemSummary(new ApiError(409, 'TIER_IN_USE', '该等级下仍有会员或兑换商品，不能删除'), {})).toBeUndefined();
  });
});
