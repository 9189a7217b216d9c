import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro, { useLoad } from '@tarojs/taro';
import type { BookingView, MemberHomeResponse, MemberSessionResponse, PointsSummary } from '@glow/contracts';
import { listMyBookings } from '../../services/appointment.service';
import { ApiError } from '../../services/http';
import { joinSource, resetJoinSource } from '../../services/launch-context';
import { getWalletCounts } from '../../services/coupon.service';
import { getPointsSummary } from '../../services/loyalty.service';
import { getMemberHome } from '../../services/member.service';
import { memberSession } from '../../services/member-session';
import HomePage from './index';

jest.mock('../../services/member-session', () => ({ memberSession: { start: jest.fn() } }));
jest.mock('../../services/member.service', () => ({ getMemberHome: jest.fn() }));
jest.mock('../../services/appointment.service', () => ({ listMyBookings: jest.fn() }));
jest.mock('../../services/loyalty.service', () => ({ getPointsSummary: jest.fn() }));
jest.mock('../../services/coupon.service', () => ({ getWalletCounts: jest.fn() }));

const start = jest.mocked(memberSession.start);
const memberHome = jest.mocked(getMemberHome);

function session(kind: MemberSessionResponse['kind']): MemberSessionResponse {
  return { accessToken: 'a', refreshToken: 'r', expiresIn: 900, kind, memberId: kind === 'member' ? 'm-1' : null };
}

const HOME: MemberHomeResponse = {
  profile: {
    id: 'm-1',
    memberNo: 'GL8K3M2Q',
    nickname: '小美',
    avatarUrl: null,
    phoneMasked: '138****8000',
    gender: 'female',
    birthday: null,
    city: '上海',
    referralCode: 'AB12CD',
    joinedAt: '2026-11-20T08:00:00.000Z',
    store: { id: 's-1', name: '上海静安嘉里中心店' },
    advisor: { id: 'a-1', name: '王丽' },
  },
  tier: { code: 'silver', name: '银卡会员' },
  points: { balance: 1280 },
  consent: { version: '2026-11', grantedAt: '2026-11-20T08:00:00.000Z' },
  completeness: {
    percent: 60,
    missing: [
      { field: 'birthday', label: '生日' },
      { field: 'skinProfile', label: '肤质测试' },
    ],
    nudge: '填写生日，生日月可领专属礼遇',
  },
};

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`);

describe('HomePage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    resetJoinSource();
    jest.mocked(listMyBookings).mockResolvedValue([]);
    // Until a test gives the loyalty summary, the card shows what the member home says.
    jest.mocked(getPointsSummary).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    jest.mocked(getWalletCounts).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
  });

  it('invites a WeChat user who has not joined to become a member', async () => {
    start.mockResolvedValue(session('pre_member'));
    const { container } = render(<HomePage />);

    const cta = await screen.findByText('立即加入会员');
    expect(byId(container, 'member-card')).toBeNull();
    expect(byId(container, 'skin-test-entry')).toBeNull();
    expect(memberHome).not.toHaveBeenCalled();

    fireEvent.click(cta);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/join/index' });
    expect(byId(container, 'join-cta')).not.toBeNull();
  });

  it('shows the member card of a member', async () => {
    start.mockResolvedValue(session('member'));
    memberHome.mockResolvedValue(HOME);
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'member-card')).not.toBeNull());
    expect(byId(container, 'member-nickname')?.textContent).toBe('小美');
    expect(byId(container, 'member-no')?.textContent).toBe('GL8K3M2Q');
    expect(byId(container, 'member-points')?.textContent).toBe('1280');
    expect(byId(container, 'member-tier')?.textContent).toBe('银卡会员');
    expect(screen.getByText('138****8000')).toBeTruthy();
    expect(screen.getByText('上海静安嘉里中心店')).toBeTruthy();
    expect(screen.getByText('王丽')).toBeTruthy();
    expect(byId(container, 'join-cta')).toBeNull();

    fireEvent.click(byId(container, 'go-profile') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/profile/index' });
  });

  it('nudges a member toward a complete profile, starting with what is missing first', async () => {
    start.mockResolvedValue(session('member'));
    memberHome.mockResolvedValue(HOME);
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'profile-completeness')).not.toBeNull());
    expect(byId(container, 'profile-completeness-percent')?.textContent).toBe('60%');
    expect(byId(container, 'profile-completeness-nudge')?.textContent).toBe('填写生日，生日月可领专属礼遇');

    fireEvent.click(byId(container, 'profile-completeness') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/profile/index' });
  });

  it('offers the skin test to a member without a skin profile', async () => {
    start.mockResolvedValue(session('member'));
    memberHome.mockResolvedValue({
      ...HOME,
      completeness: { percent: 80, missing: [{ field: 'skinProfile', label: '肤质测试' }], nudge: '完成肤质测试，获取专属护肤推荐' },
    });
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'skin-test-entry')).not.toBeNull());
    expect(byId(container, 'skin-test-entry')?.textContent).toContain('开始测试');

    fireEvent.click(byId(container, 'profile-completeness') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/skin-test/index' });
    fireEvent.click(byId(container, 'skin-test-entry') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/skin-test/index' });
  });

  it('opens the skin report from the entry once the member has a skin profile, and hides a complete nudge', async () => {
    start.mockResolvedValue(session('member'));
    memberHome.mockResolvedValue({ ...HOME, completeness: { percent: 100, missing: [], nudge: null } });
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'skin-test-entry')).not.toBeNull());
    expect(byId(container, 'profile-completeness')).toBeNull();
    expect(byId(container, 'skin-test-entry-text')?.textContent).toContain('查看我的肤质报告');

    fireEvent.click(byId(container, 'skin-test-entry') as Element);
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/skin-result/index' });
  });

  it('falls back to the invitation when the API says the user has not joined', async () => {
    start.mockResolvedValue(session('member'));
    memberHome.mockRejectedValue(new ApiError('MEMBER_NOT_JOINED', '请先注册成为会员', 403));
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'join-cta')).not.toBeNull());
  });

  it('shows the Chinese error message and loads again on retry', async () => {
    start.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
    const { container } = render(<HomePage />);

    await waitFor(() => expect(byId(container, 'home-error')?.textContent).toBe('网络连接失败，请检查网络后重试'));

    start.mockResolvedValue(session('pre_member'));
    fireEvent.click(byId(container, 'home-retry') as Element);
    await waitFor(() => expect(byId(container, 'join-cta')).not.toBeNull());
  });

  it('remembers the scene and referral code the page was opened with', async () => {
    start.mockResolvedValue(session('pre_member'));
    render(<HomePage />);
    await screen.findByText('立即加入会员');

    const onLoad = jest.mocked(useLoad).mock.calls[0][0] as (params: Record<string, string>) => void;
    onLoad({ scene: 's%3DSH01%26a%3DWL02', ref: 'ab12cd' });

    expect(joinSource()).toEqual({ scene: 's=SH01&a=WL02', referralCode: 'AB12CD' });
  });

  describe('bookings', () => {
    const upcoming = (id: string, startsAt: string, status: BookingView['status'] = 'booked') =>
      ({
        id,
        status,
        checkInCode: id === 'bk-soon' ? '482913' : '000000',
        store: { id: 's-1', name: '上海静安嘉里中心店', address: '南京西路 1515 号' },
        service: { id: 'svc-1', name: '新品试妆', kind: 'try_on', durationMin: 45 },
        startsAt,
        endsAt: new Date(new Date(startsAt).getTime() + 45 * 60_000).toISOString(),
      }) as BookingView;

    it('opens the booking page from the entry card', async () => {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      const { container } = render(<HomePage />);

      await waitFor(() => expect(byId(container, 'booking-entry')).not.toBeNull());
      expect(byId(container, 'next-booking')).toBeNull();
      fireEvent.click(byId(container, 'booking-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/booking/index' });
    });

    it('shows the next upcoming booking with its check-in code', async () => {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      jest.mocked(listMyBookings).mockResolvedValue([
        upcoming('bk-later', '2099-12-05T06:00:00.000Z'),
        upcoming('bk-soon', '2099-12-01T06:00:00.000Z'),
        upcoming('bk-cancelled', '2099-11-30T06:00:00.000Z', 'cancelled'),
      ]);
      const { container } = render(<HomePage />);

      await waitFor(() => expect(byId(container, 'next-booking')).not.toBeNull());
      expect(byId(container, 'next-booking-code')?.textContent).toBe('482913');
      expect(byId(container, 'next-booking-time')?.textContent).toContain('12月1日 周二 14:00');
      fireEvent.click(byId(container, 'next-booking') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/booking-detail/index?id=bk-soon' });
    });

    it('asks for feedback on a recent completed visit that has not been rated', async () => {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      const visited = new Date(Date.now() - 2 * 86_400_000).toISOString();
      jest.mocked(listMyBookings).mockResolvedValue([
        { ...upcoming('bk-done', visited, 'completed'), advisor: { id: 'a-1', name: '王晓雯' }, feedback: null },
        { ...upcoming('bk-rated', visited, 'completed'), advisor: { id: 'a-1', name: '王晓雯' }, feedback: { rating: 5, comment: null } },
      ]);
      const { container } = render(<HomePage />);

      await waitFor(() => expect(byId(container, 'feedback-request')).not.toBeNull());
      expect(byId(container, 'feedback-request-text')?.textContent).toContain('新品试妆 · 王晓雯');
      fireEvent.click(byId(container, 'feedback-request') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/pages/booking-detail/index?id=bk-done' });
    });

    it('still shows the home page when the bookings cannot be loaded', async () => {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      jest.mocked(listMyBookings).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
      const { container } = render(<HomePage />);

      await waitFor(() => expect(byId(container, 'booking-entry')).not.toBeNull());
      await waitFor(() => expect(listMyBookings).toHaveBeenCalled());
      expect(byId(container, 'next-booking')).toBeNull();
      expect(byId(container, 'member-card')).not.toBeNull();
    });
  });
  describe('loyalty', () => {
    const SUMMARY: PointsSummary = {
      balance: 2360,
      pending: 399,
      debt: 0,
      expiringSoon: null,
      tier: {
        tier: { code: 'silver', name: '银卡', rank: 1, multiplierPct: 110 },
        qualifyingSpendFen: 140000,
        next: { code: 'gold', name: '金卡', rank: 2, multiplierPct: 120, minSpendFen: 200000 },
        needFen: 60000,
        ratio: 0.4,
        downgradeOn: null,
        benefits: { birthdayCouponCode: null, bookingExtraDays: 0, description: '' },
      },
    };

    async function renderMember(summary: PointsSummary) {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      jest.mocked(getPointsSummary).mockResolvedValue(summary);
      const view = render(<HomePage />);
      await waitFor(() => expect(byId(view.container, 'tier-progress')).not.toBeNull());
      return view.container;
    }

    it('shows the live balance, the tier and how much more to spend for the next tier', async () => {
      const container = await renderMember(SUMMARY);

      expect(byId(container, 'points-balance')?.textContent).toBe('2360');
      expect(byId(container, 'member-tier')?.textContent).toBe('银卡');
      expect(byId(container, 'tier-progress-text')?.textContent).toBe('再消费 ¥600.00 升级为金卡');
      expect((byId(container, 'tier-progress-bar') as HTMLElement).style.width).toBe('40%');
      expect(byId(container, 'tier-downgrade')).toBeNull();
      expect(byId(container, 'points-entry')?.textContent).toContain('399 待生效');
    });

    it('says so at the top of the ladder, and notes the end of the grace period when a downgrade looms', async () => {
      const container = await renderMember({
        ...SUMMARY,
        tier: { ...SUMMARY.tier, tier: { code: 'black', name: '黑金', rank: 3, multiplierPct: 150 }, next: null, needFen: 0, ratio: 1, downgradeOn: '2027-01-31' },
      });

      expect(byId(container, 'tier-progress-text')?.textContent).toBe('已是最高等级');
      expect((byId(container, 'tier-progress-bar') as HTMLElement).style.width).toBe('100%');
      expect(byId(container, 'tier-downgrade')?.textContent).toContain('保级截止 2027-01-31');
    });

    it('opens the member code, the points history, the mall, redemptions and orders', async () => {
      const container = await renderMember(SUMMARY);

      fireEvent.click(byId(container, 'member-code-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/member-code/index' });
      fireEvent.click(byId(container, 'points-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/points/index' });
      fireEvent.click(byId(container, 'mall-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/mall/index' });
      fireEvent.click(byId(container, 'redemptions-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/redemptions/index' });
      fireEvent.click(byId(container, 'orders-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/loyalty/pages/orders/index' });
    });

    it('opens the shop, the claim center and the wallet, which shows how many coupons are usable', async () => {
      jest.mocked(getWalletCounts).mockResolvedValue({ available: 3, used: 1, expired: 0 });
      const container = await renderMember(SUMMARY);

      await waitFor(() => expect(byId(container, 'wallet-count')?.textContent).toBe('3 张可用'));
      fireEvent.click(byId(container, 'shop-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/shop/pages/shop/index' });
      fireEvent.click(byId(container, 'claim-center-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/pages/claim-center/index' });
      fireEvent.click(byId(container, 'wallet-entry') as Element);
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/coupon/pages/wallet/index' });
    });

    it('keeps the wallet entry when the coupon counts cannot be loaded', async () => {
      const container = await renderMember(SUMMARY);

      await waitFor(() => expect(getWalletCounts).toHaveBeenCalled());
      expect(byId(container, 'wallet-count')?.textContent).toBe('优惠券');
      expect(byId(container, 'wallet-entry')).not.toBeNull();
    });

    it('keeps the card from the member home when the loyalty summary cannot be loaded', async () => {
      start.mockResolvedValue(session('member'));
      memberHome.mockResolvedValue(HOME);
      const { container } = render(<HomePage />);

      await waitFor(() => expect(byId(container, 'member-card')).not.toBeNull());
      await waitFor(() => expect(getPointsSummary).toHaveBeenCalled());
      expect(byId(container, 'points-balance')?.textContent).toBe('1280');
      expect(byId(container, 'member-tier')?.textContent).toBe('银卡会员');
      expect(byId(container, 'tier-progress')).toBeNull();
      expect(byId(container, 'member-code-entry')).not.toBeNull();
    });
  });
});
