import { errorProblems } from '../../shared/error-details';

/**
 * Where a field named by the API (`tiers.1.minSpendFen`, `bonusRules.0.value`) sits in a form: numeric parts become
 * list indexes, and fields the form holds under another name (fen the form shows as yuan) are renamed.
 */
export function formPathOf(apiField: string, renames: Record<string, string> = {}): (string | number)[] {
  return apiField.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : (renames[part] ?? part)));
}

/** The API's field path in words staff read: `tiers.1.minSpendFen` → 等级第 2 行 · 门槛（元）. Unknown names stay as they are. */
export function describeField(apiField: string, labels: Record<string, string>): string {
  const words: string[] = [];
  for (const part of apiField.split('.')) {
    if (/^\d+$/.test(part) && words.length > 0) words[words.length - 1] += `第 ${Number(part) + 1} 行`;
    else words.push(labels[part] ?? part);
  }
  return words.join(' · ');
}

/** The refused request's field problems grouped by form path, ready for `form.setFields`. */
export function fieldErrorsOf(
  error: unknown,
  pathOf: (apiField: string) => (string | number)[] = formPathOf,
): { name: (string | number)[]; errors: string[] }[] {
  const byField = new Map<string, string[]>();
  for (const { field, problem } of errorProblems(error)) byField.set(field, [...(byField.get(field) ?? []), problem]);
  return [...byField].map(([field, errors]) => ({ name: pathOf(field), errors }));
}

/** One line per field problem, for the alert above a form. */
export function problemSummary(error: unknown, labels: Record<string, string>): string | undefined {
  const problems = errorProblems(error);
  return problems.length > 0 ? problems.map((p) => `${describeField(p.field, labels)}：${p.problem}`).join('；') : undefined;
}
