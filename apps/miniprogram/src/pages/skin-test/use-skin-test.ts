import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
import type { SaveAnswerDto, SkinSessionState, SkinTestResponse } from '@glow/contracts';
import type { Answer, Question } from '@glow/domain';
import { errorMessage, isApiError } from '../../services/http';
import { getSkinTest, grantSkinConsent, saveSkinAnswer, startSkinSession, submitSkinSession } from '../../services/skin.service';
import { goBackOrHome } from '../../utils/navigation';

export type SkinTestPhase =
  | { status: 'loading' }
  | { status: 'error'; message: string; notMember: boolean }
  | { status: 'consent'; test: SkinTestResponse }
  | { status: 'answering'; test: SkinTestResponse; sessionId: string };

type AnswerMap = Record<string, Answer>;

/** Automatic restarts in a row (a changed questionnaire, a closed session) before giving up with an error. */
const MAX_RESTARTS = 2;

/**
 * The skin test: the separate sensitive-data consent, then one question per screen. Every answer is saved
 * on the server before the next question shows, so a member who leaves midway resumes where they stopped.
 */
export function useSkinTest() {
  const [phase, setPhase] = useState<SkinTestPhase>({ status: 'loading' });
  const [index, setIndex] = useState(0);
  /** What the member has picked or typed, per question key, including answers not saved yet. */
  const [drafts, setDrafts] = useState<AnswerMap>({});
  /** What the server holds for this session. */
  const [saved, setSaved] = useState<AnswerMap>({});
  const [busy, setBusy] = useState(false);
  const restarts = useRef(0);
  /** Bumped to load the test again: a retry, or a restart the server asked for. */
  const [generation, setGeneration] = useState(0);

  const begin = useCallback(async (test: SkinTestResponse) => {
    if (test.definition.questions.length === 0) {
      setPhase({ status: 'error', message: '肤质测试暂未开放，请稍后再试', notMember: false });
      return;
    }
    const session = await startSkinSession(test.questionnaireId, test.version);
    const answers = toMap(session.answers);
    setSaved(answers);
    setDrafts(answers);
    setIndex(Math.min(Math.max(session.resumeAt, 0), test.definition.questions.length - 1));
    setPhase({ status: 'answering', test, sessionId: session.id });
    restarts.current = 0;
  }, []);

  /**
   * The server's view wins over what this screen knows: a new questionnaire version or a closed session
   * restarts the test, a missing consent shows the notice again, anything else is reported.
   */
  const recover = useCallback((error: unknown, test: SkinTestResponse | null, duringAction = false) => {
    const code = isApiError(error) ? error.code : null;
    if (code === 'MEMBER_NOT_JOINED') {
      setPhase({ status: 'error', message: errorMessage(error), notMember: true });
      return;
    }
    if (code === 'SKIN_CONSENT_REQUIRED' && test) {
      setPhase({ status: 'consent', test: { ...test, consent: { ...test.consent, grantedAt: null } } });
      return;
    }
    const restart =
      code === 'QUESTIONNAIRE_VERSION_CHANGED' || code === 'SKIN_CONSENT_OUTDATED' || code === 'SKIN_SESSION_CLOSED' || code === 'SKIN_SESSION_NOT_FOUND';
    if (restart && restarts.current < MAX_RESTARTS) {
      restarts.current += 1;
      void Taro.showToast({ title: code === 'QUESTIONNAIRE_VERSION_CHANGED' ? '测试题目已更新' : errorMessage(error), icon: 'none' });
      setGeneration((current) => current + 1);
      return;
    }
    if (duringAction) void Taro.showToast({ title: errorMessage(error), icon: 'none' });
    else setPhase({ status: 'error', message: errorMessage(error), notMember: false });
  }, []);

  const load = useCallback(async () => {
    setPhase({ status: 'loading' });
    let test: SkinTestResponse | null = null;
    try {
      test = await getSkinTest();
      if (!test.consent.grantedAt) {
        setPhase({ status: 'consent', test });
        return;
      }
      await begin(test);
    } catch (error) {
      recover(error, test);
    }
  }, [begin, recover]);

  useEffect(() => {
    void load();
  }, [load, generation]);

  const answering = phase.status === 'answering' ? phase : null;
  const questions = answering?.test.definition.questions ?? [];
  const question: Question | null = questions[index] ?? null;
  const isLast = index === questions.length - 1;

  /** Saves one answer unless the server already has it; false (with a toast) when it was not saved. */
  const persist = async (answer: Answer): Promise<boolean> => {
    if (!answering) return false;
    if (sameAnswer(saved[answer.questionKey], answer)) return true;
    try {
      const session: SkinSessionState = await saveSkinAnswer(answering.sessionId, answer.questionKey, toDto(answer));
      setSaved(toMap(session.answers));
      return true;
    } catch (error) {
      recover(error, answering.test, true);
      return false;
    }
  };

  const run = async (task: () => Promise<void>) => {
    if (busy) return;
    setBusy(true);
    try {
      await task();
    } finally {
      setBusy(false);
    }
  };

  const advance = () => setIndex((current) => Math.min(current + 1, questions.length - 1));

  /** Single choice and scale: one tap answers, saves and moves on (except on the last question). */
  const answerAndAdvance = (answer: Answer) =>
    run(async () => {
      setDrafts((current) => ({ ...current, [answer.questionKey]: answer }));
      if ((await persist(answer)) && !isLast) advance();
    });

  const choose = (optionKey: string) => {
    if (question) void answerAndAdvance({ questionKey: question.key, optionKeys: [optionKey] });
  };

  const pickScale = (value: number) => {
    if (question) void answerAndAdvance({ questionKey: question.key, value });
  };

  const toggle = (optionKey: string) => {
    if (!question || busy) return;
    const picked = drafts[question.key]?.optionKeys ?? [];
    if (picked.includes(optionKey)) {
      setDrafts({ ...drafts, [question.key]: { questionKey: question.key, optionKeys: picked.filter((key) => key !== optionKey) } });
      return;
    }
    const max = question.maxChoices ?? question.options?.length ?? Infinity;
    if (picked.length >= max) {
      void Taro.showToast({ title: `最多选择 ${max} 项`, icon: 'none' });
      return;
    }
    setDrafts({ ...drafts, [question.key]: { questionKey: question.key, optionKeys: [...picked, optionKey] } });
  };

  const setText = (text: string) => {
    if (question) setDrafts({ ...drafts, [question.key]: { questionKey: question.key, text } });
  };

  /** Saves the current question's answer if it has one; an optional question left empty is skipped. */
  const saveCurrent = async (): Promise<boolean> => {
    if (!question) return false;
    const answer = drafts[question.key];
    if (!answer || isEmpty(answer)) {
      if (!question.required) return true;
      void Taro.showToast({ title: '请先完成本题', icon: 'none' });
      return false;
    }
    return persist(normalise(answer));
  };

  const next = () =>
    run(async () => {
      if ((await saveCurrent()) && !isLast) advance();
    });

  const back = () => {
    if (!busy) setIndex((current) => Math.max(current - 1, 0));
  };

  const submit = () =>
    run(async () => {
      if (!answering || !(await saveCurrent())) return;
      try {
        const result = await submitSkinSession(answering.sessionId);
        void Taro.redirectTo({ url: `/pages/skin-result/index?id=${result.id}` });
      } catch (error) {
        if (isApiError(error) && error.code === 'SKIN_ANSWERS_INCOMPLETE') {
          void Taro.showToast({ title: error.message, icon: 'none' });
          const missing = questions.findIndex((candidate) => candidate.required && !saved[candidate.key]);
          if (missing >= 0) setIndex(missing);
          return;
        }
        recover(error, answering.test, true);
      }
    });

  const agree = () =>
    run(async () => {
      if (phase.status !== 'consent') return;
      try {
        await grantSkinConsent(phase.test.consent.version);
        await begin(phase.test);
      } catch (error) {
        recover(error, phase.test, true);
      }
    });

  const current = question ? drafts[question.key] : undefined;
  const answered = current !== undefined && !isEmpty(current);

  return {
    phase,
    busy,
    question,
    index,
    total: questions.length,
    isLast,
    answer: current,
    /** The current question has a (possibly unsaved) answer. */
    answered,
    /** Whether the primary button may be pressed: required questions need an answer first. */
    canProceed: question ? !question.required || answered : false,
    choose,
    toggle,
    pickScale,
    setText,
    next,
    back,
    submit,
    agree,
    decline: goBackOrHome,
    retry: () => {
      restarts.current = 0;
      setGeneration((current) => current + 1);
    },
    goJoin: () => Taro.redirectTo({ url: '/pages/join/index' }),
  };
}

function toMap(answers: Answer[]): AnswerMap {
  return Object.fromEntries(answers.map((answer) => [answer.questionKey, answer]));
}

function isEmpty(answer: Answer): boolean {
  if (answer.optionKeys !== undefined) return answer.optionKeys.length === 0;
  if (answer.value !== undefined) return false;
  return (answer.text ?? '').trim() === '';
}

function normalise(answer: Answer): Answer {
  return answer.text !== undefined ? { ...answer, text: answer.text.trim() } : answer;
}

function toDto(answer: Answer): SaveAnswerDto {
  if (answer.optionKeys !== undefined) return { optionKeys: answer.optionKeys };
  if (answer.value !== undefined) return { value: answer.value };
  return { text: answer.text ?? '' };
}

function sameAnswer(a: Answer | undefined, b: Answer): boolean {
  if (!a) return false;
  const keys = (answer: Answer) => [...(answer.optionKeys ?? [])].sort().join(',');
  return keys(a) === keys(b) && a.value === b.value && (a.text ?? '') === (b.text ?? '');
}
