import type { CampaignRunView, CampaignStatusAction, CampaignView } from '@glow/contracts';
import { CAMPAIGN_ACTION_LABELS, type CampaignRunStatus, type CampaignStatus } from '@glow/domain';
import { formatDateTime } from '../../shared/format';

/** A row's actions: open the drawer (`edit`, or `view` once finished), move the campaign on, or open its report. */
export type CampaignRowAction = 'edit' | 'view' | 'report' | CampaignStatusAction;

export const CAMPAIGN_ROW_ACTION_LABELS: Record<CampaignRowAction, string> = {
  edit: '编辑',
  view: '查看',
  report: '数据',
  launch: '启动',
  pause: '暂停',
  resume: '恢复',
  end: '结束',
};

/** Mirror of the contract's CAMPAIGN_STATUS_ACTIONS (values are not imported from the contracts in the browser). */
const STATUS_ACTIONS = ['launch', 'pause', 'resume', 'end'] as const satisfies readonly CampaignStatusAction[];

export function isStatusAction(action: CampaignRowAction): action is CampaignStatusAction {
  return (STATUS_ACTIONS as readonly string[]).includes(action);
}

/** What a marketer may do with a campaign in `status` (the API's draft → scheduled / running / active ⇄ paused → ended). */
export function campaignRowActions(status: CampaignStatus): CampaignRowAction[] {
  switch (status) {
    case 'draft':
      return ['edit', 'launch'];
    case 'scheduled':
      return ['edit', 'end', 'report'];
    case 'running':
    case 'active':
      return ['edit', 'pause', 'end', 'report'];
    case 'paused':
      return ['edit', 'resume', 'end', 'report'];
    case 'completed':
    case 'ended':
      return ['view', 'report'];
  }
}

/** antd Tag colours of each campaign status. */
export const CAMPAIGN_STATUS_COLORS = {
  draft: 'default',
  scheduled: 'blue',
  running: 'processing',
  active: 'green',
  paused: 'orange',
  completed: 'cyan',
  ended: 'red',
} as const satisfies Record<CampaignStatus, string>;

export const RUN_STATUS_LABELS = {
  pending: '待执行',
  running: '执行中',
  done: '已完成',
  failed: '失败',
} as const satisfies Record<CampaignRunStatus, string>;

export const RUN_STATUS_COLORS = {
  pending: 'default',
  running: 'processing',
  done: 'green',
  failed: 'red',
} as const satisfies Record<CampaignRunStatus, string>;

/** A run still working through its audience: the list is read again until it finishes. */
export function isRunInProgress(run: Pick<CampaignRunView, 'status'> | null): boolean {
  return run?.status === 'pending' || run?.status === 'running';
}

export function anyRunInProgress(campaigns: readonly Pick<CampaignView, 'status' | 'lastRun'>[] | undefined): boolean {
  return (campaigns ?? []).some((campaign) => campaign.status === 'running' || isRunInProgress(campaign.lastRun));
}

/** processed / audience as 0–100 for a progress bar. */
export function runPercent(run: Pick<CampaignRunView, 'processed' | 'audience'>): number {
  if (run.audience <= 0) return 100;
  return Math.min(100, Math.floor((run.processed / run.audience) * 100));
}

/** The occurrence key in words: a one-off's single run, or a journey's business day. */
export function occurrenceText(occurrence: string): string {
  return occurrence === 'once' ? '单次执行' : occurrence;
}

type Confirmable = Pick<CampaignView, 'name' | 'kind' | 'scheduledAt' | 'segment' | 'actions'>;

/** What each status change asks the marketer to confirm. */
export function statusActionConfirmation(action: CampaignStatusAction, campaign: Confirmable): { title: string; content: string } {
  const actions = campaign.actions.map((item) => CAMPAIGN_ACTION_LABELS[item.kind]).join('、');
  switch (action) {
    case 'launch': {
      const when = campaign.kind === 'journey' ? '旅程启动后每天自动圈选符合触发条件的会员' : campaign.scheduledAt ? `将于 ${formatDateTime(campaign.scheduledAt)}` : '将立即';
      const who = campaign.segment ? `「${campaign.segment.name}」的会员` : '会员';
      return {
        title: `启动「${campaign.name}」？`,
        content: `${when}向${who}${actions ? `执行：${actions}` : '执行动作'}。启动后只能修改名称、预算和结束时间。`,
      };
    }
    case 'pause':
      return { title: `暂停「${campaign.name}」？`, content: '暂停后不再触达新的会员，已发放的券不受影响；可随时恢复。' };
    case 'resume':
      return { title: `恢复「${campaign.name}」？`, content: '恢复后继续按设置触达会员，预算与频次上限照常生效。' };
    case 'end':
      return { title: `结束「${campaign.name}」？`, content: '结束后不能恢复，也不能再修改；已发放的券按各自有效期处理，活动数据仍可查看。' };
  }
}
