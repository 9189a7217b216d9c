import { act, fireEvent, render, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { MemberHomeResponse } from '@glow/contracts';
import { ApiError } from '../../services/http';
import { deleteAccount, exportMyData, getMemberHome } from '../../services/member.service';
import { revokeSkinConsent } from '../../services/skin.service';
import ProfilePage from './index';

jest.mock('../../services/member.service', () => ({
  deleteConfirmation: '确认注销',
  getMemberHome: jest.fn(),
  updateProfile: jest.fn(),
  uploadAvatar: jest.fn(),
  exportMyData: jest.fn(),
  deleteAccount: jest.fn(),
}));
jest.mock('../../services/skin.service', () => ({ revokeSkinConsent: jest.fn() }));

const HOME = {
  profile: { id: 'm-1', nickname: '小美', avatarUrl: null, gender: 'female', birthday: null, city: '上海' },
  completeness: { percent: 80, missing: [], nudge: null },
} as unknown as MemberHomeResponse;

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement | null;

/** jsdom's Blob has no text(). */
function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

async function renderProfile() {
  const view = render(<ProfilePage />);
  await waitFor(() => expect(byId(view.container, 'privacy-section')).not.toBeNull());
  return view.container;
}

describe('ProfilePage privacy and data', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    jest.mocked(getMemberHome).mockResolvedValue(HOME);
  });

  describe('deleting the account', () => {
    async function openDialog() {
      const container = await renderProfile();
      fireEvent.click(byId(container, 'delete-account') as Element);
      expect(byId(container, 'delete-dialog')).not.toBeNull();
      return container;
    }

    const type = (container: HTMLElement, value: string) => fireEvent.change(byId(container, 'delete-confirm-input') as Element, { target: { value } });

    it('refuses until the member types 确认注销', async () => {
      const container = await openDialog();
      const submit = byId(container, 'delete-confirm-submit') as HTMLButtonElement;

      expect(submit.disabled).toBe(true);
      type(container, '确认');
      expect(submit.disabled).toBe(true);
      type(container, '注销');
      fireEvent.click(submit);
      expect(submit.disabled).toBe(true);
      expect(deleteAccount).not.toHaveBeenCalled();

      type(container, '确认注销');
      expect(submit.disabled).toBe(false);
    });

    it('deletes with the phrase and starts over on the home page as a visitor', async () => {
      jest.mocked(deleteAccount).mockResolvedValue({ deletedAt: '2026-11-23T08:00:00.000Z' });
      const container = await openDialog();
      type(container, ' 确认注销 ');

      await act(async () => {
        fireEvent.click(byId(container, 'delete-confirm-submit') as Element);
      });

      expect(deleteAccount).toHaveBeenCalledWith('确认注销');
      expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' });
    });

    it('keeps the dialog open with the API message when deleting fails', async () => {
      jest.mocked(deleteAccount).mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试', 0));
      const container = await openDialog();
      type(container, '确认注销');

      await act(async () => {
        fireEvent.click(byId(container, 'delete-confirm-submit') as Element);
      });

      expect(byId(container, 'delete-error')?.textContent).toBe('网络连接失败，请检查网络后重试');
      expect(Taro.reLaunch).not.toHaveBeenCalled();
    });

    it('closes on cancel without deleting', async () => {
      const container = await openDialog();

      fireEvent.click(byId(container, 'delete-confirm-cancel') as Element);

      expect(byId(container, 'delete-dialog')).toBeNull();
      expect(deleteAccount).not.toHaveBeenCalled();
    });
  });

  it('links to my bookings', async () => {
    const container = await renderProfile();

    fireEvent.click(byId(container, 'my-bookings-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/bookings/index' });
  });

  it('links to the message subscriptions', async () => {
    const container = await renderProfile();

    fireEvent.click(byId(container, 'subscriptions-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/pages/subscriptions/index' });
  });

  it('links to the advisor chat and to my tickets', async () => {
    const container = await renderProfile();

    fireEvent.click(byId(container, 'service-chat-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/pages/chat/index' });
    fireEvent.click(byId(container, 'service-tickets-link') as Element);
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/service/pages/tickets/index' });
  });

  it('offers WeChat’s customer-service session only in the mini-program', async () => {
    const platform = process.env.TARO_ENV;
    try {
      expect(byId(await renderProfile(), 'service-wechat-contact')).toBeNull();

      process.env.TARO_ENV = 'weapp';
      const contact = byId(await renderProfile(), 'service-wechat-contact');
      expect(contact?.textContent).toContain('微信客服');
      expect(contact?.dataset.openType).toBe('contact');
      expect(contact?.dataset.sessionFrom).toBe('glow-profile');
    } finally {
      process.env.TARO_ENV = platform;
    }
  });

  it('withdraws the skin-data consent only after the member confirms', async () => {
    jest.mocked(Taro.showModal).mockResolvedValueOnce({ confirm: false, cancel: true } as Taro.showModal.SuccessCallbackResult);
    const container = await renderProfile();

    await act(async () => {
      fireEvent.click(byId(container, 'revoke-skin-consent') as Element);
    });
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('删除你的全部肤质测试答案') }));
    expect(revokeSkinConsent).not.toHaveBeenCalled();

    await act(async () => {
      fireEvent.click(byId(container, 'revoke-skin-consent') as Element);
    });
    expect(revokeSkinConsent).toHaveBeenCalledTimes(1);
  });

  it('downloads the export as glow-my-data.json in the browser', async () => {
    jest.mocked(exportMyData).mockResolvedValue({ member: { nickname: '小美' } });
    const createObjectURL = jest.fn((blob: Blob) => (blob.type.startsWith('application/json') ? 'blob:export' : 'blob:wrong'));
    Object.assign(URL, { createObjectURL, revokeObjectURL: jest.fn() });
    const downloads: string[] = [];
    const clickSpy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push(`${this.download} ${this.href}`);
    });
    const container = await renderProfile();

    await act(async () => {
      fireEvent.click(byId(container, 'export-data') as Element);
    });

    expect(downloads).toEqual(['glow-my-data.json blob:export']);
    const blob = createObjectURL.mock.calls[0][0];
    await expect(readText(blob)).resolves.toBe(JSON.stringify({ member: { nickname: '小美' } }, null, 2));
    clickSpy.mockRestore();
  });
});
