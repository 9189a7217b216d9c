import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { SaveAnswerDto, SkinResultResponse, SkinSessionState, SkinTestResponse } from '@glow/contracts';
import type { Answer } from '@glow/domain';
import { ApiError } from '../../services/http';
import { getSkinTest, grantSkinConsent, saveSkinAnswer, startSkinSession, submitSkinSession } from '../../services/skin.service';
import SkinTestPage from './index';

jest.mock('../../services/skin.service', () => ({
  getSkinTest: jest.fn(),
  grantSkinConsent: jest.fn(),
  startSkinSession: jest.fn(),
  saveSkinAnswer: jest.fn(),
  submitSkinSession: jest.fn(),
}));

const TEST: SkinTestResponse = {
  questionnaireId: 'qn-1',
  version: 3,
  title: '肤质测试',
  description: '2 分钟了解你的肌肤',
  definition: {
    questions: [
      {
        key: 'q1',
        kind: 'single',
        title: '洗脸后一小时，你的皮肤感觉？',
        hint: '不涂任何护肤品时',
        required: true,
        options: [
          { key: 'a', label: '紧绷干燥', scores: { types: { dry: 3 } } },
          { key: 'b', label: 'T 区出油', scores: { types: { combination: 3 } } },
        ],
      },
      {
        key: 'q2',
        kind: 'multiple',
        title: '你最近的肌肤困扰？',
        required: true,
        maxChoices: 2,
        options: [
          { key: 'a', label: '痘痘', scores: { concerns: { acne: 2 } } },
          { key: 'b', label: '毛孔', scores: { concerns: { pores: 2 } } },
          { key: 'c', label: '暗沉', scores: { concerns: { dullness: 2 } } },
        ],
      },
      {
        key: 'q3',
        kind: 'scale',
        title: '换季时皮肤泛红的频率？',
        required: true,
        scale: { min: 1, max: 5, minLabel: '从不', maxLabel: '经常', scores: { sensitivity: 3 } },
      },
      { key: 'q4', kind: 'text', title: '还有什么想告诉顾问的？', required: false },
    ],
  },
  consent: { version: 'skin-1', title: '肤质数据授权说明', content: '肤质测试需要收集您的肌肤状况。', grantedAt: '2026-11-20T08:00:00.000Z' },
  session: null,
  latestResultId: null,
};

const NOT_GRANTED: SkinTestResponse = { ...TEST, consent: { ...TEST.consent, grantedAt: null } };

function sessionWith(answers: Answer[], resumeAt = answers.length): SkinSessionState {
  return { id: 's-1', questionnaireId: 'qn-1', version: 3, answers, resumeAt, startedAt: '2026-11-23T08:00:00.000Z', updatedAt: '2026-11-23T08:00:00.000Z' };
}

/** Answers PUT like the API: the session with every answer saved so far. */
function serveAnswers(initial: Answer[] = []) {
  const stored = new Map(initial.map((answer) => [answer.questionKey, answer]));
  jest.mocked(saveSkinAnswer).mockImplementation(async (_id: string, questionKey: string, dto: SaveAnswerDto) => {
    stored.set(questionKey, { questionKey, ...dto });
    return sessionWith([...stored.values()]);
  });
}

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;
const title = (container: HTMLElement) => byId(container, 'skin-question-title')?.textContent;
const option = (label: string) => screen.getByText(label).closest('.skin-option') as HTMLElement;

/** Renders the page and waits for the first question screen. */
async function renderAt() {
  const { container } = render(<SkinTestPage />);
  await waitFor(() => expect(byId(container, 'skin-question')).not.toBeNull());
  return container;
}

async function click(element: Element | null) {
  await act(async () => {
    fireEvent.click(element as Element);
  });
}

describe('SkinTestPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getSkinTest).mockResolvedValue(TEST);
    jest.mocked(startSkinSession).mockResolvedValue(sessionWith([]));
    serveAnswers();
  });

  it('asks for the separate skin-data consent first and starts the test after agreeing', async () => {
    jest.mocked(getSkinTest).mockResolvedValue(NOT_GRANTED);
    jest.mocked(grantSkinConsent).mockResolvedValue({ ...TEST.consent });
    const { container } = render(<SkinTestPage />);

    await waitFor(() => expect(byId(container, 'skin-consent')).not.toBeNull());
    expect(byId(container, 'skin-consent-title')?.textContent).toBe('肤质数据授权说明');
    expect(byId(container, 'skin-consent-content')?.textContent).toContain('肤质测试需要收集您的肌肤状况');
    expect(byId(container, 'skin-question')).toBeNull();
    expect(startSkinSession).not.toHaveBeenCalled();

    await click(byId(container, 'skin-consent-agree'));

    expect(grantSkinConsent).toHaveBeenCalledWith('skin-1');
    expect(startSkinSession).toHaveBeenCalledWith('qn-1', 3);
    await waitFor(() => expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？'));
  });

  it('goes back without consenting when the member declines', async () => {
    jest.mocked(getSkinTest).mockResolvedValue(NOT_GRANTED);
    jest.mocked(Taro.getCurrentPages).mockReturnValueOnce([{}, {}] as ReturnType<typeof Taro.getCurrentPages>);
    const { container } = render(<SkinTestPage />);
    await waitFor(() => expect(byId(container, 'skin-consent-decline')).not.toBeNull());

    fireEvent.click(byId(container, 'skin-consent-decline') as Element);

    expect(Taro.navigateBack).toHaveBeenCalled();
    expect(grantSkinConsent).not.toHaveBeenCalled();
  });

  it('shows one question at a time with its progress', async () => {
    const container = await renderAt();

    expect(container.querySelectorAll('#skin-question')).toHaveLength(1);
    expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？');
    expect(byId(container, 'skin-question-hint')?.textContent).toBe('不涂任何护肤品时');
    expect(byId(container, 'skin-progress')?.textContent).toContain('第 1 / 4 题');
    expect(container.querySelectorAll('.skin-option')).toHaveLength(2);
    expect(screen.queryByText('痘痘')).toBeNull();
    expect(byId(container, 'skin-back')).toBeNull();
  });

  it('saves a single-choice answer before moving to the next question', async () => {
    let finishSave: (session: SkinSessionState) => void = () => undefined;
    jest.mocked(saveSkinAnswer).mockImplementationOnce(() => new Promise((resolve) => (finishSave = resolve)));
    const container = await renderAt();

    await click(option('T 区出油'));

    expect(saveSkinAnswer).toHaveBeenCalledWith('s-1', 'q1', { optionKeys: ['b'] });
    // Still on the first question until the server has the answer.
    expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？');
    expect(option('T 区出油').classList.contains('skin-option-selected')).toBe(true);

    await act(async () => finishSave(sessionWith([{ questionKey: 'q1', optionKeys: ['b'] }])));

    expect(title(container)).toBe('你最近的肌肤困扰？');
    expect(byId(container, 'skin-progress')?.textContent).toContain('第 2 / 4 题');
  });

  it('stays on the question and shows the server message when saving fails', async () => {
    jest.mocked(saveSkinAnswer).mockRejectedValueOnce(new ApiError('SKIN_ANSWER_INVALID', '答案不符合题目要求', 400));
    const container = await renderAt();

    await click(option('紧绷干燥'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '答案不符合题目要求', icon: 'none' });
    expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？');
  });

  it('lets a multiple-choice question take at most maxChoices and saves it on 下一题', async () => {
    const container = await renderAt();
    await click(option('T 区出油'));

    const next = byId(container, 'skin-next') as HTMLButtonElement;
    expect(next.disabled).toBe(true);
    fireEvent.click(option('痘痘'));
    fireEvent.click(option('毛孔'));
    fireEvent.click(option('暗沉'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '最多选择 2 项', icon: 'none' });
    expect(option('暗沉').classList.contains('skin-option-selected')).toBe(false);
    expect(saveSkinAnswer).toHaveBeenCalledTimes(1);

    await click(byId(container, 'skin-next'));

    expect(saveSkinAnswer).toHaveBeenLastCalledWith('s-1', 'q2', { optionKeys: ['a', 'b'] });
    expect(title(container)).toBe('换季时皮肤泛红的频率？');
    expect(screen.getByText('从不')).toBeTruthy();
    expect(screen.getByText('经常')).toBeTruthy();
  });

  it('goes back without losing answers and moves on again without saving twice', async () => {
    const container = await renderAt();
    await click(option('T 区出油'));
    fireEvent.click(option('毛孔'));

    await click(byId(container, 'skin-back'));

    expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？');
    expect(option('T 区出油').classList.contains('skin-option-selected')).toBe(true);

    await click(byId(container, 'skin-next'));

    expect(title(container)).toBe('你最近的肌肤困扰？');
    // The unsaved pick on question 2 is still there, and question 1 was not saved again.
    expect(option('毛孔').classList.contains('skin-option-selected')).toBe(true);
    expect(saveSkinAnswer).toHaveBeenCalledTimes(1);
  });

  it('resumes an unfinished session at resumeAt with the earlier answers filled in', async () => {
    const earlier: Answer[] = [
      { questionKey: 'q1', optionKeys: ['a'] },
      { questionKey: 'q2', optionKeys: ['b', 'c'] },
    ];
    jest.mocked(startSkinSession).mockResolvedValue(sessionWith(earlier, 2));
    serveAnswers(earlier);
    const container = await renderAt();

    expect(title(container)).toBe('换季时皮肤泛红的频率？');
    expect(byId(container, 'skin-progress')?.textContent).toContain('第 3 / 4 题');

    await click(byId(container, 'skin-back'));

    expect(option('毛孔').classList.contains('skin-option-selected')).toBe(true);
    expect(option('暗沉').classList.contains('skin-option-selected')).toBe(true);
    expect(option('痘痘').classList.contains('skin-option-selected')).toBe(false);
  });

  it('saves the scale, skips the optional text and submits on the last question', async () => {
    const earlier: Answer[] = [
      { questionKey: 'q1', optionKeys: ['a'] },
      { questionKey: 'q2', optionKeys: ['b'] },
    ];
    jest.mocked(startSkinSession).mockResolvedValue(sessionWith(earlier, 2));
    serveAnswers(earlier);
    jest.mocked(submitSkinSession).mockResolvedValue({ id: 'r-1' } as SkinResultResponse);
    const container = await renderAt();

    await click(screen.getByText('4'));

    expect(saveSkinAnswer).toHaveBeenCalledWith('s-1', 'q3', { value: 4 });
    expect(title(container)).toBe('还有什么想告诉顾问的？（选填）');
    expect(byId(container, 'skin-next')).toBeNull();

    await click(byId(container, 'skin-submit'));

    expect(saveSkinAnswer).toHaveBeenCalledTimes(1);
    expect(submitSkinSession).toHaveBeenCalledWith('s-1');
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/skin-result/index?id=r-1' });
  });

  it('saves typed text before submitting', async () => {
    jest.mocked(startSkinSession).mockResolvedValue(sessionWith([], 3));
    jest.mocked(submitSkinSession).mockResolvedValue({ id: 'r-2' } as SkinResultResponse);
    const container = await renderAt();

    fireEvent.change(byId(container, 'skin-text-input') as Element, { target: { value: '  最近熬夜多  ' } });
    await click(byId(container, 'skin-submit'));

    expect(saveSkinAnswer).toHaveBeenCalledWith('s-1', 'q4', { text: '最近熬夜多' });
    expect(jest.mocked(saveSkinAnswer).mock.invocationCallOrder[0]).toBeLessThan(jest.mocked(submitSkinSession).mock.invocationCallOrder[0]);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/skin-result/index?id=r-2' });
  });

  it('restarts the test when the questionnaire version changed', async () => {
    jest.mocked(saveSkinAnswer).mockRejectedValueOnce(new ApiError('QUESTIONNAIRE_VERSION_CHANGED', '测试题目已更新，请重新开始测试', 409));
    const container = await renderAt();
    expect(getSkinTest).toHaveBeenCalledTimes(1);

    await click(option('紧绷干燥'));

    expect(Taro.showToast).toHaveBeenCalledWith({ title: '测试题目已更新', icon: 'none' });
    await waitFor(() => expect(getSkinTest).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(startSkinSession).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(title(container)).toBe('洗脸后一小时，你的皮肤感觉？'));
  });

  it('shows the consent screen again when the server says consent is required', async () => {
    jest.mocked(startSkinSession).mockRejectedValueOnce(new ApiError('SKIN_CONSENT_REQUIRED', '肤质数据属于敏感个人信息，请先阅读并同意授权', 403));
    const { container } = render(<SkinTestPage />);

    await waitFor(() => expect(byId(container, 'skin-consent')).not.toBeNull());
    expect(byId(container, 'skin-question')).toBeNull();
  });

  it('invites a WeChat user who has not joined to join first', async () => {
    jest.mocked(getSkinTest).mockRejectedValue(new ApiError('MEMBER_NOT_JOINED', '请先注册成为会员', 403));
    const { container } = render(<SkinTestPage />);

    await waitFor(() => expect(byId(container, 'skin-test-error')?.textContent).toBe('请先注册成为会员'));
    fireEvent.click(byId(container, 'skin-test-join') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/join/index' });
  });
});
