import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useRouter } from '@tarojs/taro';
import type { SkinResultResponse } from '@glow/contracts';
import { ApiError } from '../../services/http';
import { getSkinResult, listSkinResults, recordRecommendationClick } from '../../services/skin.service';
import SkinResultPage from './index';

jest.mock('../../services/skin.service', () => ({
  getSkinResult: jest.fn(),
  listSkinResults: jest.fn(),
  recordRecommendationClick: jest.fn(),
}));

const RESULT: SkinResultResponse = {
  id: 'r-1',
  questionnaireId: 'qn-1',
  version: 3,
  takenAt: '2026-11-23T08:00:00.000Z',
  profile: {
    skinType: 'combination',
    sensitive: true,
    sensitivity: 'medium',
    sensitivityScore: 4,
    concerns: ['pores', 'dullness'],
    allergens: ['fragrance'],
    summary: '混合性肌肤 · 轻度敏感',
    explanation: 'T 区出油而两颊偏干，换季时偶有泛红。',
  },
  recommendations: {
    servedId: 'srv-1',
    items: [
      {
        product: { id: 'p-1', sku: 'GL-SER-01', name: '水光精华', line: '水光系列', category: 'skincare', priceFen: 26800, image: null },
        rank: 1,
        reason: '适合混合性肌肤，改善毛孔',
      },
      {
        product: { id: 'p-2', sku: 'GL-LIP-02', name: '柔雾唇釉', line: null, category: 'makeup', priceFen: 8990, image: '/api/media/products/lip.png' },
        rank: 2,
        reason: '无香精配方',
      },
    ],
  },
};

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

describe('SkinResultPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(useRouter).mockReturnValue({ params: { id: 'r-1' } } as unknown as ReturnType<typeof useRouter>);
    jest.mocked(getSkinResult).mockResolvedValue(RESULT);
    jest.mocked(recordRecommendationClick).mockResolvedValue(undefined);
  });

  it('shows the skin profile of the result in the query', async () => {
    const { container } = render(<SkinResultPage />);

    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());
    expect(getSkinResult).toHaveBeenCalledWith('r-1');
    expect(byId(container, 'skin-summary')?.textContent).toBe('混合性肌肤 · 轻度敏感');
    expect(byId(container, 'skin-sensitivity')?.textContent).toContain('轻度敏感');
    expect([...container.querySelectorAll('.skin-concern-tag')].map((tag) => tag.textContent)).toEqual(['毛孔', '暗沉']);
    expect(byId(container, 'skin-allergens')?.textContent).toContain('香精');
    expect(byId(container, 'skin-explanation')?.textContent).toBe('T 区出油而两颊偏干，换季时偶有泛红。');
  });

  it('lists the recommended products with price, reason and a placeholder when there is no image', async () => {
    const { container } = render(<SkinResultPage />);
    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());

    const items = [...container.querySelectorAll('.recommend-item')] as HTMLElement[];
    expect(items).toHaveLength(2);
    expect(items[0].textContent).toContain('水光精华');
    expect(items[0].textContent).toContain('水光系列');
    expect(items[0].querySelector('.recommend-price')?.textContent).toBe('¥268');
    expect(items[0].querySelector('.recommend-reason')?.textContent).toBe('适合混合性肌肤，改善毛孔');
    expect(items[0].querySelector('.product-placeholder')?.textContent).toBe('护肤');
    expect(items[1].querySelector('.recommend-price')?.textContent).toBe('¥89.90');
    expect(items[1].querySelector('img')?.getAttribute('src')).toBe('http://api.test/api/media/products/lip.png');
  });

  it('records a click on a recommendation and shows the product', async () => {
    const { container } = render(<SkinResultPage />);
    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());

    await act(async () => {
      fireEvent.click(screen.getByText('柔雾唇釉'));
    });

    expect(recordRecommendationClick).toHaveBeenCalledWith('srv-1', 'p-2');
    expect(byId(container, 'product-sheet')?.textContent).toContain('柔雾唇釉');

    fireEvent.click(byId(container, 'product-sheet-close') as Element);
    expect(byId(container, 'product-sheet')).toBeNull();
  });

  it('still shows the product when recording the click fails', async () => {
    jest.mocked(recordRecommendationClick).mockRejectedValue(new ApiError('RECOMMENDATION_UNKNOWN', '推荐记录不存在', 400));
    const { container } = render(<SkinResultPage />);
    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());

    await act(async () => {
      fireEvent.click(screen.getByText('水光精华'));
    });

    expect(byId(container, 'product-sheet')).not.toBeNull();
    expect(Taro.showToast).not.toHaveBeenCalled();
  });

  it('retakes the test or opens the history', async () => {
    const { container } = render(<SkinResultPage />);
    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());

    fireEvent.click(byId(container, 'skin-retake') as Element);
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/pages/skin-test/index' });
    fireEvent.click(byId(container, 'skin-history-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/skin-history/index' });
  });

  it('opens the latest result when no id is given', async () => {
    jest.mocked(useRouter).mockReturnValue({ params: {} } as unknown as ReturnType<typeof useRouter>);
    jest.mocked(listSkinResults).mockResolvedValue([
      { id: 'r-9', takenAt: '2026-11-23T08:00:00.000Z', version: 3, summary: '混合性肌肤', skinType: 'combination', sensitive: false, concerns: [] },
    ]);
    const { container } = render(<SkinResultPage />);

    await waitFor(() => expect(byId(container, 'skin-result')).not.toBeNull());
    expect(getSkinResult).toHaveBeenCalledWith('r-9');
  });

  it('shows the API message when the result cannot be loaded', async () => {
    jest.mocked(getSkinResult).mockRejectedValue(new ApiError('SKIN_RESULT_NOT_FOUND', '测试结果不存在', 404));
    const { container } = render(<SkinResultPage />);

    await waitFor(() => expect(byId(container, 'skin-result-error')?.textContent).toBe('测试结果不存在'));
  });
});
