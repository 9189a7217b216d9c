import { scoreQuestionnaire } from './score-questionnaire';
import { ALLERGENS } from './skin-vocabulary';
import { STANDARD_QUESTIONNAIRE } from './standard-questionnaire';
import { validateQuestionnaire } from './validate-questionnaire';

describe('STANDARD_QUESTIONNAIRE', () => {
  const sut = STANDARD_QUESTIONNAIRE;
  const questions = sut.definition.questions;

  it('is publishable', () => {
    expect(validateQuestionnaire(sut.definition)).toEqual([]);
  });

  it('fits the console limits on title and description', () => {
    expect(sut.title.length).toBeGreaterThanOrEqual(1);
    expect(sut.title.length).toBeLessThanOrEqual(40);
    expect(sut.description.length).toBeLessThanOrEqual(200);
  });

  it('asks 10 to 12 questions, with a scale and one optional free-text question last', () => {
    expect(questions.length).toBeGreaterThanOrEqual(10);
    expect(questions.length).toBeLessThanOrEqual(12);
    expect(questions.some((q) => q.kind === 'scale')).toBe(true);
    expect(questions.filter((q) => !q.required)).toEqual([expect.objectContaining({ kind: 'text', title: '其他想告诉我们的' })]);
    expect(questions[questions.length - 1].kind).toBe('text');
  });

  it('lets members flag every allergen the catalog knows', () => {
    const flagged = questions.flatMap((q) => (q.options ?? []).flatMap((o) => o.scores.allergens ?? []));
    expect([...new Set(flagged)].sort()).toEqual([...ALLERGENS].sort());
  });

  it('describes its question count honestly', () => {
    expect(sut.description).toContain(`${questions.length}道题`);
  });

  it('cannot be submitted empty', () => {
    expect(scoreQuestionnaire(sut.definition, [])).toMatchObject({ ok: false, reason: 'unanswered-required' });
  });
});
