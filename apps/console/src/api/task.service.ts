import type { TaskOutcomeDto, TaskView } from '@glow/contracts';
import type { TaskStatus } from '@glow/domain';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** One business day (`day`), or everything due on or before `dueBy`; both YYYY-MM-DD in Asia/Shanghai. */
export type TaskSearch = { day: string; status?: TaskStatus } | { dueBy: string; status?: TaskStatus };

export function listTasks(search: TaskSearch, signal?: AbortSignal): Promise<TaskView[]> {
  const query = 'day' in search ? { day: search.day, status: search.status } : { dueBy: search.dueBy, status: search.status };
  return http.json<TaskView[]>(apiRoutes.staffTasks, { query, signal });
}

/** Done or skipped, with what happened (409 TASK_STATE_INVALID when someone already handled it). */
export function completeTask(id: string, body: TaskOutcomeDto): Promise<TaskView> {
  return http.json<TaskView>(apiRoutes.staffTask(id), { method: 'POST', body });
}

export const taskKeys = {
  all: ['tasks'] as const,
  list: (search: TaskSearch) => ['tasks', search] as const,
};
