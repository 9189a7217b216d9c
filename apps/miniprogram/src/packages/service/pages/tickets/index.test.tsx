import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { ApiError } from '../../../../services/http';
import { listMyTickets } from '../../../../services/service.service';
import { memberTicket } from '../../test-fixtures';
import TicketsPage from './index';

jest.mock('../../../../services/service.service', () => ({ listMyTickets: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

describe('TicketsPage', () => {
  beforeEach(() => jest.clearAllMocks());

  it('lists the member’s tickets with their status tags and opens one', async () => {
    jest.mocked(listMyTickets).mockResolvedValue([
      memberTicket(),
      memberTicket({ id: 't-2', ticketNo: 'T2611280002', title: '快递破损', category: 'delivery', status: 'resolved', csatOpenUntil: '2099-01-01T00:00:00.000Z' }),
    ]);
    const { container } = render(<TicketsPage />);

    await waitFor(() => expect(container.querySelectorAll('.ticket-item')).toHaveLength(2));
    const items = [...container.querySelectorAll('.ticket-item')] as HTMLElement[];
    expect(items.map((item) => item.querySelector('.ticket-status')?.textContent)).toEqual(['等待会员回复', '已解决']);
    expect(items[0].textContent).toContain('T2612010001 · 过敏不适');
    expect(items[0].textContent).toContain('顾问在等你的回复');
    expect(items[1].textContent).toContain('请为处理结果评分');

    fireEvent.click(items[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/pages/ticket/index?id=t-2' });
  });

  it('points to the chat when there is no ticket', async () => {
    jest.mocked(listMyTickets).mockResolvedValue([]);
    const { container } = render(<TicketsPage />);

    await waitFor(() => expect(byId(container, 'tickets-empty')?.textContent).toBe('暂无工单'));
    fireEvent.click(byId(container, 'tickets-chat') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/pages/chat/index' });
  });

  it('shows the API message when loading fails', async () => {
    jest.mocked(listMyTickets).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<TicketsPage />);

    await waitFor(() => expect(byId(container, 'tickets-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));
  });
});
