import { businessDate } from '@glow/domain';
import { fireEvent, waitFor, within } from '@testing-library/react';
import { sessionStore } from '../../api/session.store';
import { bodyOf, element, jsonResponse, mockFetch, renderPage, requests, signInAs, type FetchMock } from '../../test/console-test-kit';
import { task } from './service.fixtures';
import { addDays, weekOf } from './task-days';
import { TasksPage } from './tasks.page';

const TASKS = '/api/staff/tasks';

let fetchMock: FetchMock;

jest.setTimeout(40_000);

const today = () => businessDate(new Date());

function serve(onWrite: (request: string) => Response = () => jsonResponse(500, {})) {
  fetchMock.mockImplementation(async (input, init) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    if (method !== 'GET') return onWrite(`${method} ${url}`);
    if (url === `${TASKS}?dueBy=${addDays(today(), -1)}&status=open`) {
      return jsonResponse(200, [task({ id: 'late', kind: 'birthday', title: '生日关怀', dueOn: addDays(today(), -2), overdue: true })]);
    }
    if (url.startsWith(`${TASKS}?day=`)) {
      const search = new URL(url, 'http://x').searchParams;
      const day = search.get('day') ?? '';
      if (search.get('status') === 'open') return jsonResponse(200, [task({ id: 'open-1', dueOn: day })]);
      if (search.get('status') === 'done') return jsonResponse(200, [task({ id: 'done-1', kind: 'campaign-spring', title: '春季活动回访', dueOn: day, status: 'done', outcome: '会员已到店' })]);
      return jsonResponse(200, []);
    }
    return jsonResponse(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  });
}

const item = (id: string) => element(document.body, `.task-item[data-task-id="${id}"]`);

beforeEach(() => {
  fetchMock = mockFetch();
  signInAs('advisor');
});

afterEach(() => sessionStore.clear());

describe(TasksPage.name, () => {
  it('shows today’s open tasks with their kind and member, the overdue ones apart, and the done ones with their outcome', async () => {
    serve();
    renderPage('/service/tasks', '/service/tasks', <TasksPage />, { '/members/:id': <div id="member-route" /> }, { detachStyles: true });

    await waitFor(() => item('open-1'));
    expect(requests(fetchMock)).toContain(`GET ${TASKS}?day=${today()}&status=open`);
    expect(item('open-1').querySelector('.task-kind')?.textContent).toBe('购后3天回访');
    expect(item('open-1').querySelector('.task-member')?.textContent).toBe('王晓雯');
    expect(item('open-1').querySelectorAll('[data-task-action]')).toHaveLength(2);
    expect(element(document.body, '#tasks-overdue').textContent).toContain('生日关怀');
    expect(element(document.body, '#tasks-overdue .task-overdue').textContent).toBe('已逾期');

    fireEvent.click(within(element(document.body, '#tasks-status')).getByText('已完成'));
    await waitFor(() => item('done-1'));
    // A kind the console does not know yet shows as it comes.
    expect(item('done-1').querySelector('.task-kind')?.textContent).toBe('campaign-spring');
    expect(item('done-1').querySelector('.task-outcome')?.textContent).toBe('结果：会员已到店');
    expect(item('done-1').querySelector('[data-task-action]')).toBeNull();
  });

  it('moves by day along a week strip', async () => {
    serve();
    renderPage('/service/tasks', '/service/tasks', <TasksPage />, {}, { detachStyles: true });
    await waitFor(() => item('open-1'));

    const days = Array.from(document.querySelectorAll('#tasks-week .task-day')).map((button) => button.getAttribute('data-day'));
    expect(days).toEqual(weekOf(today()));
    const next = addDays(today(), 1);
    fireEvent.click(element(document.body, '#tasks-next-week'));
    await waitFor(() => expect(requests(fetchMock)).toContain(`GET ${TASKS}?day=${addDays(today(), 7)}&status=open`));
    fireEvent.click(element(document.body, '#tasks-today'));
    fireEvent.click(await waitFor(() => element(document.body, `.task-day[data-day="${next}"]`)));
    await waitFor(() => expect(requests(fetchMock)).toContain(`GET ${TASKS}?day=${next}&status=open`));
  });

  it('requires an outcome before a task is done or skipped', async () => {
    serve((request) => (request === `POST ${TASKS}/open-1` ? jsonResponse(200, task({ id: 'open-1', status: 'skipped', outcome: '会员出差' })) : jsonResponse(500, {})));
    renderPage('/service/tasks', '/service/tasks', <TasksPage />, {}, { detachStyles: true });

    fireEvent.click(await waitFor(() => element(item('open-1'), '[data-task-action="skipped"]')));
    fireEvent.click(await waitFor(() => element(document.body, '#task-outcome-submit')));
    await waitFor(() => expect(element(document.body, '#task-outcome-problem').textContent).toBe('请填写跳过原因'));
    expect(requests(fetchMock).some((request) => request.startsWith('POST'))).toBe(false);

    fireEvent.change(element(document.body, '#task-outcome'), { target: { value: '会员出差' } });
    fireEvent.click(element(document.body, '#task-outcome-submit'));
    await waitFor(() => expect(bodyOf(fetchMock, 'POST', `${TASKS}/open-1`)).toEqual({ status: 'skipped', outcome: '会员出差' }));
  });

  it('shows why the API refused an outcome (handled by someone else meanwhile)', async () => {
    serve(() => jsonResponse(409, { code: 'TASK_STATE_INVALID', message: '该任务已处理，不能重复提交' }));
    renderPage('/service/tasks', '/service/tasks', <TasksPage />, {}, { detachStyles: true });

    fireEvent.click(await waitFor(() => element(item('open-1'), '[data-task-action="done"]')));
    fireEvent.change(await waitFor(() => element(document.body, '#task-outcome')), { target: { value: '已回访' } });
    fireEvent.click(element(document.body, '#task-outcome-submit'));
    await waitFor(() => expect(element(document.body, '#task-outcome-error').textContent).toContain('该任务已处理'));
  });
});
