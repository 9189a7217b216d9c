import type { CouponTemplateStatusDto, CouponTemplateView } from '@glow/contracts';
import { usageWindowText, type CouponTemplateStatus } from '@glow/domain';
import { formatDateTime } from '../../shared/format';

/** A row's actions: open the drawer (`edit`, or `view` when nothing may change), or move the template on. */
export type TemplateAction = 'edit' | 'view' | 'publish' | 'pause' | 'resume' | 'end';
export type StatusAction = Exclude<TemplateAction, 'edit' | 'view'>;

export const TEMPLATE_ACTION_LABELS: Record<TemplateAction, string> = {
  edit: '编辑',
  view: '查看',
  publish: '发布',
  pause: '暂停',
  resume: '恢复',
  end: '结束',
};

/** The status each action moves a template to (the API's draft → active ⇄ paused → ended). */
export const ACTION_TARGETS: Record<StatusAction, CouponTemplateStatusDto['status']> = {
  publish: 'active',
  pause: 'paused',
  resume: 'active',
  end: 'ended',
};

/** What staff may do with a template in `status`; those who cannot configure coupons only look. */
export function templateActions(status: CouponTemplateStatus, canConfigure: boolean): TemplateAction[] {
  if (!canConfigure) return ['view'];
  switch (status) {
    case 'draft':
      return ['edit', 'publish', 'end'];
    case 'active':
      return ['edit', 'pause', 'end'];
    case 'paused':
      return ['edit', 'resume', 'end'];
    case 'ended':
      return ['view'];
  }
}

export function isStatusAction(action: TemplateAction): action is StatusAction {
  return action in ACTION_TARGETS;
}

/** The confirmation a status change asks for, or null when it goes at once (pausing and resuming can be undone). */
export function statusActionConfirmation(action: StatusAction, template: Pick<CouponTemplateView, 'name' | 'claimable'>): { title: string; content: string } | null {
  switch (action) {
    case 'publish':
      return {
        title: `发布「${template.name}」？`,
        content: `${template.claimable ? '发布后会员即可在领券中心领取' : '发布后即可向会员发放（营销活动、会员权益、积分兑换、补偿）'}。券面规则将锁定：类型、面额或折扣、使用门槛、适用范围、有效期类型、可用星期与时段、每人限领、叠加规则都不能再改；之后只能修改名称、说明、发放总量、核销成本和延后结束时间。`,
      };
    case 'end':
      return {
        title: `结束「${template.name}」？`,
        content: '结束后不能再领取或发放，也不能恢复或修改；会员已持有的券按各自的有效期处理。',
      };
    default:
      return null;
  }
}

/** A template's validity as the table shows it: the dates or the days from receipt, then the days and hours of use. */
export function validityLines(template: Pick<CouponTemplateView, 'validity'>): string[] {
  const { validity } = template;
  const main = validity.kind === 'fixed' ? `${formatDateTime(validity.from)} 至 ${formatDateTime(validity.until)}` : `领取后 ${validity.days ?? 0} 天内有效`;
  const window = usageWindowText({ weekdays: validity.weekdays, hoursFrom: validity.hoursFrom, hoursUntil: validity.hoursUntil });
  return window ? [main, window] : [main];
}

/** Redeemed coupons as a share of those given out, 0–100, for the table's bar. */
export function redemptionPercent(counters: Pick<CouponTemplateView['counters'], 'issued' | 'redeemed'>): number {
  if (counters.issued <= 0) return 0;
  return Math.round((counters.redeemed / counters.issued) * 1000) / 10;
}
