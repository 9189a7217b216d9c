import type { QuestionnaireDetail } from '@glow/contracts';
import type { QuestionnaireDefinition } from '@glow/domain';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { QuestionnaireEditorPage } from './questionnaire-editor.page';

const LIST_URL = '/api/staff/questionnaires';
const ID = '4f9f7a52-3c1e-4d8e-9a57-1d2b3c4d5e6f';
const DETAIL_URL = `${LIST_URL}/${ID}`;

function type(selector: string, value: string) {
  fireEvent.change(element<HTMLInputElement>(document.body, selector), { target: { value } });
}

function click(selector: string) {
  fireEvent.click(element(document.body, selector));
}

function renderEditor(path: string) {
  return renderPage(path, '/questionnaires/new', <QuestionnaireEditorPage />, {
    '/questionnaires/:id': <QuestionnaireEditorPage />,
    '/questionnaires': <div>问卷列表页</div>,
  });
}

const definition: QuestionnaireDefinition = {
  questions: [
    {
      key: 'q1',
      kind: 'single',
      title: '洗脸后皮肤的感觉？',
      hint: '不涂任何护肤品，半小时后',
      required: true,
      options: [
        { key: 'a', label: '紧绷干燥', scores: { types: { dry: 2 }, concerns: { dehydration: 1 } } },
        { key: 'b', label: '泛油光', scores: { types: { oily: 3 }, concerns: { acne: -1 }, sensitivity: 1 } },
      ],
    },
  ],
};

function detail(overrides: Partial<QuestionnaireDetail> = {}): QuestionnaireDetail {
  return {
    id: ID,
    primary: false,
    versions: [{ version: 1, status: 'draft', title: '肌肤状况自测', publishedAt: null, publishedBy: null, responses: 0 }],
    draft: { version: 1, title: '肌肤状况自测', description: '约 2 分钟', definition, problems: [] },
    published: null,
    ...overrides,
  };
}

let fetchMock: FetchMock;

// Whole pages of antd components render slowly in jsdom (styles are computed for every element); allow for a busy machine.
jest.setTimeout(20_000);

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('marketer');
});

afterEach(() => sessionStore.clear());

describe(QuestionnaireEditorPage.name, () => {
  it('builds the definition from the editor (keys q1, a, b; scores without zeros) and shows the problems the API found', async () => {
    const problems = [{ field: 'questions[0].options[1].label', problem: '选项文字不能与其他选项重复' }];
    const created = detail({ draft: { version: 1, title: '肌肤状况自测', description: '约 2 分钟', definition, problems } });
    fetchMock.mockImplementation(async (input, init) => {
      const url = String(input);
      if (url === LIST_URL && init?.method === 'POST') return jsonResponse(201, created);
      if (url === DETAIL_URL) return jsonResponse(200, created);
      return jsonResponse(200, []);
    });
    renderEditor('/questionnaires/new');

    type('#questionnaire-title', '  肌肤状况自测 ');
    type('#questionnaire-description', '约 2 分钟');
    click('#question-add');
    type('#q1-title', '洗脸后皮肤的感觉？');
    type('#q1-hint', '不涂任何护肤品，半小时后');
    type('#q1-a-label', '紧绷干燥');
    type('#q1-b-label', ' 泛油光');

    click('#q1-a-scores-toggle');
    type('#q1-a-type-dry', '2');
    type('#q1-a-concern-dehydration', '1');
    // A weight typed and then set back to 0 is not stored.
    type('#q1-a-concern-acne', '1');
    type('#q1-a-concern-acne', '0');

    click('#q1-b-scores-toggle');
    type('#q1-b-type-oily', '3');
    type('#q1-b-sensitivity', '1');
    type('#q1-b-concern-acne', '-1');

    click('#questionnaire-save');

    await waitFor(() => expect(requests(fetchMock)).toContain(`POST ${LIST_URL}`));
    expect(bodyOf(fetchMock, 'POST', LIST_URL)).toEqual({ title: '肌肤状况自测', description: '约 2 分钟', definition });

    // The new questionnaire opens under its id, with the API's problems listed in words staff read.
    const alert = await waitFor(() => element(document.body, '#questionnaire-problems'), { timeout: 5000 });
    expect(alert.textContent).toContain('草稿还有 1 个问题，处理后才能发布');
    expect(alert.textContent).toContain('第1题 · 选项b · 选项文字：选项文字不能与其他选项重复');
    expect(element<HTMLButtonElement>(document.body, '#questionnaire-publish').disabled).toBe(true);
    expect(element<HTMLInputElement>(document.body, '#q1-b-label').value).toBe('泛油光');
  });

  it('does not send a questionnaire without a title', async () => {
    renderEditor('/questionnaires/new');

    click('#question-add');
    click('#questionnaire-save');

    expect(await screen.findByText('请输入问卷标题')).not.toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('keeps question keys stable when questions are reordered and removed', async () => {
    fetchMock.mockImplementation(async () => jsonResponse(200, detail()));
    renderEditor(`/questionnaires/${ID}`);

    await waitFor(() => element(document.body, '#q1-title'));
    click('#question-add');
    click('#question-add');
    type('#q2-title', '第二题');
    type('#q3-title', '第三题');
    click('#q2-remove');
    click('#question-add');
    click('#q3-up');
    click('#questionnaire-save');

    await waitFor(() => expect(requests(fetchMock)).toContain(`PUT ${DETAIL_URL}/draft`));
    const saved = bodyOf(fetchMock, 'PUT', `${DETAIL_URL}/draft`) as { definition: QuestionnaireDefinition };
    expect(saved.definition.questions.map((q) => [q.key, q.title])).toEqual([
      ['q3', '第三题'],
      ['q1', '洗脸后皮肤的感觉？'],
      ['q4', ''],
    ]);
  });

  it('publishes the draft version the author saw after a confirmation, and lists the problems of a refusal', async () => {
    const refusal = {
      code: 'QUESTIONNAIRE_INVALID',
      message: '问卷内容不完整，请按提示修改后再发布',
      details: [{ field: 'questions[0].options', problems: ['单选题至少需要两个选项'] }],
    };
    fetchMock.mockImplementation(async (_input, init) => (init?.method === 'POST' ? jsonResponse(400, refusal) : jsonResponse(200, detail())));
    renderEditor(`/questionnaires/${ID}`);

    const publish = await waitFor(() => element<HTMLButtonElement>(document.body, '#questionnaire-publish'));
    expect(publish.disabled).toBe(false);
    fireEvent.click(publish);

    // Publishing cannot be undone: nothing is sent until it is confirmed.
    const dialog = await waitFor(() => element(document.body, '.ant-modal-confirm'));
    expect(dialog.textContent).toContain('发布第 1 版？');
    expect(requests(fetchMock)).not.toContain(`POST ${DETAIL_URL}/publish`);
    fireEvent.click(within(dialog).getByText('确认发布'));

    const alert = await waitFor(() => element(document.body, '#questionnaire-error'));
    expect(bodyOf(fetchMock, 'POST', `${DETAIL_URL}/publish`)).toEqual({ version: 1 });
    expect(alert.textContent).toContain('问卷内容不完整，请按提示修改后再发布');
    expect(Array.from(alert.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['第1题 · 选项：单选题至少需要两个选项']);
  });

  it('asks to save first when there are unsaved changes', async () => {
    fetchMock.mockResolvedValue(jsonResponse(200, detail()));
    renderEditor(`/questionnaires/${ID}`);

    await waitFor(() => expect(element<HTMLButtonElement>(document.body, '#questionnaire-publish').disabled).toBe(false));
    type('#q1-title', '洗脸后的感觉');

    expect(element<HTMLButtonElement>(document.body, '#questionnaire-publish').disabled).toBe(true);
    expect(screen.getByText('未保存')).not.toBeNull();
  });

  it('shows versions and the published version read-only, and only reading to staff who may not edit', async () => {
    signInAs('advisor');
    const published = { version: 1, title: '肌肤状况自测', description: '', definition };
    fetchMock.mockResolvedValue(
      jsonResponse(
        200,
        detail({
          primary: true,
          draft: null,
          published,
          versions: [{ version: 1, status: 'published', title: '肌肤状况自测', publishedAt: '2026-11-02T08:00:00.000Z', publishedBy: '陈思琪', responses: 42 }],
        }),
      ),
    );
    renderEditor(`/questionnaires/${ID}`);

    const versions = await waitFor(() => element(document.body, '#questionnaire-versions'));
    const row = Array.from(versions.querySelectorAll('tbody tr td')).map((td) => td.textContent);
    expect(row).toEqual(['第 1 版', '肌肤状况自测', '已发布', '2026-11-02 08:00', '陈思琪', '42']);
    const preview = element(document.body, '#questionnaire-preview').textContent ?? '';
    expect(preview).toContain('1. 洗脸后皮肤的感觉？');
    expect(preview).toContain('干性 +2 · 缺水 +1');
    expect(preview).toContain('油性 +3 · 痘痘 -1 · 敏感度 +1');
    expect(screen.getByText('会员测试')).not.toBeNull();

    expect(document.querySelector('#questionnaire-save')).toBeNull();
    expect(document.querySelector('#questionnaire-publish')).toBeNull();
    expect(document.querySelector('#question-add')).toBeNull();
    expect(element<HTMLInputElement>(document.body, '#q1-title').disabled).toBe(true);
  });
});
