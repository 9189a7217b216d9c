import { fireEvent, render, waitFor } from '@testing-library/react';
import { useRouter } from '@tarojs/taro';
import type { MemberTicketView } from '@glow/contracts';
import { ApiError } from '../../../../services/http';
import { getMyTicket, replyToTicket, submitCsat } from '../../../../services/service.service';
import { memberTicket } from '../../test-fixtures';
import TicketPage from './index';

jest.mock('../../../../services/service.service', () => ({ getMyTicket: jest.fn(), replyToTicket: jest.fn(), submitCsat: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

async function openTicket(ticket: MemberTicketView) {
  jest.mocked(getMyTicket).mockResolvedValue(ticket);
  const view = render(<TicketPage />);
  await waitFor(() => expect(byId(view.container, 'ticket')).not.toBeNull());
  return view.container;
}

describe('TicketPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: { id: 't-1' } } as unknown as ReturnType<typeof useRouter>);
  });

  it('shows the public timeline and answers a ticket that waits for the member', async () => {
    const container = await openTicket(memberTicket());

    expect(getMyTicket).toHaveBeenCalledWith('t-1');
    expect(byId(container, 'ticket-status')?.textContent).toBe('等待会员回复');
    expect([...container.querySelectorAll('.ticket-event-text')].map((el) => el.textContent)).toEqual(['工单已创建', '请提供购买凭证照片']);
    expect(byId(container, 'ticket-csat')).toBeNull();

    jest.mocked(replyToTicket).mockResolvedValue(
      memberTicket({
        status: 'in_progress',
        events: [...memberTicket().events, { kind: 'reply', status: null, text: '已上传凭证', at: '2026-12-01T03:00:00.000Z', byMember: true }],
      }),
    );
    fireEvent.change(container.querySelector('#ticket-reply-input') as Element, { target: { value: ' 已上传凭证 ' } });
    fireEvent.click(byId(container, 'ticket-reply-send') as Element);

    await waitFor(() => expect(byId(container, 'ticket-status')?.textContent).toBe('处理中'));
    expect(replyToTicket).toHaveBeenCalledWith('t-1', '已上传凭证');
    expect(container.querySelector('.ticket-event:last-child')?.textContent).toContain('我');
    expect((container.querySelector('#ticket-reply-input') as HTMLTextAreaElement).value).toBe('');
  });

  it('keeps the reply and shows the API message when it fails', async () => {
    const container = await openTicket(memberTicket());
    jest.mocked(replyToTicket).mockRejectedValue(new ApiError('TICKET_STATUS_INVALID', '工单当前状态不能执行此操作', 409));

    fireEvent.change(container.querySelector('#ticket-reply-input') as Element, { target: { value: '补充' } });
    fireEvent.click(byId(container, 'ticket-reply-send') as Element);

    await waitFor(() => expect(byId(container, 'ticket-reply-error')?.textContent).toBe('工单当前状态不能执行此操作'));
    expect((container.querySelector('#ticket-reply-input') as HTMLTextAreaElement).value).toBe('补充');
  });

  it('has no reply box once resolved, and rates it while rating is open', async () => {
    const container = await openTicket(memberTicket({ status: 'resolved', csatOpenUntil: '2099-12-01T00:00:00.000Z' }));
    jest.mocked(submitCsat).mockResolvedValue({ ok: true });

    expect(byId(container, 'ticket-reply')).toBeNull();
    const card = byId(container, 'ticket-csat') as HTMLElement;
    fireEvent.click(card.querySelector('.rating-star[data-value="5"]') as Element);
    fireEvent.click(card.querySelector('.csat-submit') as Element);

    await waitFor(() => expect(card.querySelector('.csat-thanks')?.textContent).toBe('感谢评价'));
    expect(submitCsat).toHaveBeenCalledWith({ subject: 'ticket', subjectId: 't-1', score: 5 });
  });

  it('shows a rating already given', async () => {
    const rated = await openTicket(memberTicket({ status: 'closed', csat: { score: 3, comment: null } }));
    expect(byId(rated, 'ticket-csat')?.dataset.state).toBe('rated');
  });

  it('shows why a rating was refused', async () => {
    const container = await openTicket(memberTicket({ status: 'resolved', csatOpenUntil: '2099-12-01T00:00:00.000Z' }));
    jest.mocked(submitCsat).mockRejectedValue(new ApiError('CSAT_NOT_ALLOWED', '当前不能评价：已评价过或已超出评价时限', 409));

    fireEvent.click(container.querySelector('.rating-star[data-value="2"]') as Element);
    fireEvent.click(container.querySelector('.csat-submit') as Element);

    await waitFor(() => expect(container.querySelector('.csat-error')?.textContent).toContain('已评价过'));
  });
});
