import { fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { listSkinResults } from '../../services/skin.service';
import SkinHistoryPage from './index';

jest.mock('../../services/skin.service', () => ({ listSkinResults: jest.fn() }));

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

describe('SkinHistoryPage', () => {
  beforeEach(() => jest.clearAllMocks());

  it('lists past results with date, summary and concerns, and opens one on tap', async () => {
    jest.mocked(listSkinResults).mockResolvedValue([
      { id: 'r-2', takenAt: '2026-11-23T08:00:00.000Z', version: 3, summary: '混合性肌肤 · 轻度敏感', skinType: 'combination', sensitive: true, concerns: ['pores', 'redness'] },
      { id: 'r-1', takenAt: '2026-10-02T08:00:00.000Z', version: 2, summary: '干性肌肤', skinType: 'dry', sensitive: false, concerns: [] },
    ]);
    const { container } = render(<SkinHistoryPage />);

    await waitFor(() => expect(byId(container, 'skin-history')).not.toBeNull());
    const items = [...container.querySelectorAll('.skin-history-item')] as HTMLElement[];
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('2026-11-23');
    expect(items[0].textContent).toContain('混合性肌肤 · 轻度敏感');
    expect(items[0].textContent).toContain('毛孔');
    expect(items[0].textContent).toContain('泛红');

    fireEvent.click(items[1]);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/skin-result/index?id=r-1' });
  });

  it('invites a member without results to take the test', async () => {
    jest.mocked(listSkinResults).mockResolvedValue([]);
    const { container } = render(<SkinHistoryPage />);

    await waitFor(() => expect(byId(container, 'skin-history-empty')).not.toBeNull());
    fireEvent.click(byId(container, 'skin-history-start') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/skin-test/index' });
  });
});
