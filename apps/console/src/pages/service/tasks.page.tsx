import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { TaskView } from '@glow/contracts';
import { businessDate, TASK_KIND_LABELS, TASK_STATUS_LABELS, TASK_STATUSES, type TaskKind, type TaskStatus } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Empty, Flex, Input, Modal, Result, Segmented, Spin, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { completeTask, listTasks, taskKeys, type TaskSearch } from '../../api/task.service';
import { useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { useNow } from '../appointments/use-now';
import { TASK_STATUS_COLORS } from './service-labels';
import { addDays, dayStripLabel, isDay, outcomeProblem, TASK_OUTCOME_MAX, weekOf } from './task-days';

type Outcome = 'done' | 'skipped';

/** Campaigns may add kinds the console does not know yet; they show as they come. */
export function taskKindLabel(kind: string): string {
  return TASK_KIND_LABELS[kind as TaskKind] ?? kind;
}

function TaskItem({ task, showAdvisor, onAct }: { task: TaskView; showAdvisor: boolean; onAct: (task: TaskView, outcome: Outcome) => void }) {
  return (
    <Flex justify="space-between" align="center" gap={12} wrap className="task-item" data-task-id={task.id} style={{ padding: '10px 0', borderBottom: '1px solid #f0f0f0' }}>
      <Flex vertical gap={4} style={{ minWidth: 0, flex: 1 }}>
        <Flex gap={8} align="center" wrap>
          <Tag color="magenta" className="task-kind">
            {taskKindLabel(task.kind)}
          </Tag>
          <Typography.Text strong className="task-title">
            {task.title}
          </Typography.Text>
          <Tag className="task-status" color={TASK_STATUS_COLORS[task.status]}>
            {TASK_STATUS_LABELS[task.status]}
          </Tag>
          {task.overdue && task.status === 'open' && (
            <Tag color="red" className="task-overdue">
              已逾期
            </Tag>
          )}
        </Flex>
        <Flex gap={12} wrap>
          <Link to={`/members/${task.memberId}`} className="task-member">
            {task.memberName ?? '会员'}
          </Link>
          <Typography.Text type="secondary">到期 {task.dueOn}</Typography.Text>
          {showAdvisor && <Typography.Text type="secondary">负责人 {task.advisorName ?? '未分配'}</Typography.Text>}
        </Flex>
        {task.outcome && (
          <Typography.Text type="secondary" className="task-outcome">
            结果：{task.outcome}
          </Typography.Text>
        )}
      </Flex>
      {task.status === 'open' && (
        <Flex gap={8}>
          <Button type="primary" size="small" data-task-action="done" onClick={() => onAct(task, 'done')}>
            完成
          </Button>
          <Button size="small" data-task-action="skipped" onClick={() => onAct(task, 'skipped')}>
            跳过
          </Button>
        </Flex>
      )}
    </Flex>
  );
}

function OutcomeModal({ task, outcome, onClose }: { task: TaskView; outcome: Outcome; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: () => completeTask(task.id, { status: outcome, outcome: text.trim() }),
    onSuccess: async () => {
      message.success(outcome === 'done' ? '已完成跟进' : '已跳过');
      onClose();
      await queryClient.invalidateQueries({ queryKey: taskKeys.all });
    },
  });
  const submit = () => {
    const found = outcomeProblem(text, outcome);
    setProblem(found);
    if (!found) save.mutate();
  };
  return (
    <Modal
      open
      title={`${outcome === 'done' ? '完成' : '跳过'}：${task.title}`}
      okText={outcome === 'done' ? '完成' : '跳过'}
      cancelText="取消"
      okButtonProps={{ id: 'task-outcome-submit', loading: save.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex vertical gap={8}>
        <Typography.Text>{outcome === 'done' ? '跟进结果（必填）' : '跳过原因（必填）'}</Typography.Text>
        <Input.TextArea
          id="task-outcome"
          rows={3}
          maxLength={TASK_OUTCOME_MAX}
          showCount
          status={problem ? 'error' : undefined}
          placeholder={outcome === 'done' ? '如：已电话回访，会员反馈使用良好，约下周到店' : '如：会员表示近期不需要联系'}
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setProblem(null);
          }}
        />
        {problem && (
          <Typography.Text id="task-outcome-problem" type="danger">
            {problem}
          </Typography.Text>
        )}
        {save.error && <Alert id="task-outcome-error" type="error" showIcon title={save.error.message} />}
      </Flex>
    </Modal>
  );
}

function TaskList({ id, search, showAdvisor, empty, onAct }: { id: string; search: TaskSearch; showAdvisor: boolean; empty: string; onAct: (task: TaskView, outcome: Outcome) => void }) {
  const { data, error, isPending } = useQuery({ queryKey: taskKeys.list(search), queryFn: ({ signal }) => listTasks(search, signal) });
  if (error) return <Alert type="error" showIcon title={error.message} />;
  if (isPending) return <Spin />;
  return (
    <div id={id}>
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />
      ) : (
        data.map((task) => <TaskItem key={task.id} task={task} showAdvisor={showAdvisor} onAct={onAct} />)
      )}
    </div>
  );
}

/** An advisor's follow-ups by day: a week strip to move around, what is overdue, done or skipped with what happened. */
export function TasksPage() {
  const allowed = useCan('service:task');
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const now = useNow();
  const today = businessDate(now);
  const requested = params.get('day');
  const day = isDay(requested) ? requested : today;
  // The API lists one status at a time (open by default): the day shows what is still to do, or what was done or skipped.
  const status: TaskStatus = (TASK_STATUSES as readonly string[]).includes(params.get('status') ?? '') ? (params.get('status') as TaskStatus) : 'open';
  const [acting, setActing] = useState<{ task: TaskView; outcome: Outcome } | null>(null);
  const showAdvisor = session?.staff.role !== 'advisor';

  if (!allowed) return <Result status="403" title="没有权限查看跟进任务" subTitle="跟进任务仅对顾问、店长与管理员开放" />;

  const go = (next: string, nextStatus: TaskStatus = status) => setParams(new URLSearchParams({ day: next, status: nextStatus }));
  const act = (task: TaskView, outcome: Outcome) => setActing({ task, outcome });

  return (
    <Flex vertical gap={16} id="tasks-page">
      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Flex gap={4} align="center" id="tasks-week">
            <Button id="tasks-prev-week" type="text" icon={<LeftOutlined />} onClick={() => go(addDays(day, -7))} aria-label="上一周" />
            {weekOf(day).map((date) => {
              const label = dayStripLabel(date);
              return (
                <Button key={date} className="task-day" data-day={date} type={date === day ? 'primary' : date === today ? 'dashed' : 'text'} onClick={() => go(date)} style={{ height: 48 }}>
                  <Flex vertical align="center" style={{ lineHeight: 1.3 }}>
                    <span>{date === today ? '今天' : label.weekday}</span>
                    <span style={{ fontSize: 12 }}>{label.date}</span>
                  </Flex>
                </Button>
              );
            })}
            <Button id="tasks-next-week" type="text" icon={<RightOutlined />} onClick={() => go(addDays(day, 7))} aria-label="下一周" />
          </Flex>
          <Flex gap={8} align="center">
            <DatePicker id="tasks-date" allowClear={false} value={dayjs(day)} onChange={(picked) => picked && go(picked.format('YYYY-MM-DD'))} />
            {day !== today && (
              <Button id="tasks-today" onClick={() => go(today)}>
                回到今天
              </Button>
            )}
          </Flex>
        </Flex>
      </Card>
      <Card size="small" title="已逾期" id="tasks-overdue-card">
        <TaskList id="tasks-overdue" search={{ dueBy: addDays(today, -1), status: 'open' }} showAdvisor={showAdvisor} empty="没有逾期未跟进的任务" onAct={act} />
      </Card>
      <Card
        size="small"
        title={day === today ? `今天（${day}）` : day}
        id="tasks-day-card"
        extra={
          <Segmented<TaskStatus>
            id="tasks-status"
            size="small"
            value={status}
            onChange={(next) => go(day, next)}
            options={TASK_STATUSES.map((value) => ({ value, label: TASK_STATUS_LABELS[value] }))}
          />
        }
      >
        <TaskList id="tasks-day" search={{ day, status }} showAdvisor={showAdvisor} empty={`这一天没有${TASK_STATUS_LABELS[status]}的任务`} onAct={act} />
      </Card>
      {acting && <OutcomeModal task={acting.task} outcome={acting.outcome} onClose={() => setActing(null)} />}
    </Flex>
  );
}
