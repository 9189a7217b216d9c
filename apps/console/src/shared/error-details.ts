import { isApiError } from '../api/http';

export interface ProblemLine {
  field: string;
  problem: string;
}

/**
 * VALIDATION_FAILED lists the validator constraints a field broke (`matches`, `isIn`…), not sentences:
 * these are the Chinese words staff read for them. Problems already written for people pass through unchanged.
 */
const CONSTRAINT_MESSAGES: Record<string, string> = {
  matches: '格式不正确',
  isIn: '不在可选范围内',
  isString: '须为文字',
  isInt: '须为整数',
  isNumber: '须为数字',
  isBoolean: '须为是或否',
  isArray: '须为列表',
  isObject: '格式不正确',
  length: '长度不符合要求',
  min: '小于允许的最小值',
  max: '大于允许的最大值',
  arrayMaxSize: '数量超过上限',
  arrayMinSize: '数量不足',
  arrayUnique: '不能有重复项',
  isNotEmpty: '不能为空',
  isUuid: '格式不正确',
  whitelistValidation: '不是可提交的字段',
};

export function problemMessage(problem: string): string {
  return CONSTRAINT_MESSAGES[problem] ?? problem;
}

/** The field-level problems a refused request came back with (VALIDATION_FAILED, QUESTIONNAIRE_INVALID), one per line. */
export function errorProblems(error: unknown): ProblemLine[] {
  if (!isApiError(error) || !error.details) return [];
  return error.details.flatMap((detail) => (detail.problems ?? []).map((problem) => ({ field: detail.field, problem: problemMessage(problem) })));
}
