import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import type { JoinResponse, PrivacyPolicyResponse } from '@glow/contracts';
import { ApiError } from '../../services/http';
import { rememberJoinSource, resetJoinSource } from '../../services/launch-context';
import { join, uploadAvatar } from '../../services/member.service';
import { getPrivacyPolicy } from '../../services/privacy-policy.service';
import { getDemoPhoneCode, isDemoMode } from '../../services/wechat-auth.service';
import JoinPage from './index';

jest.mock('../../services/member.service', () => ({ join: jest.fn(), uploadAvatar: jest.fn() }));
jest.mock('../../services/privacy-policy.service', () => ({ getPrivacyPolicy: jest.fn() }));
jest.mock('../../services/wechat-auth.service', () => ({ isDemoMode: jest.fn(), getDemoPhoneCode: jest.fn() }));

const POLICY: PrivacyPolicyResponse = {
  version: '2026-11',
  title: 'Glow 会员隐私政策',
  content: '我们仅在提供会员服务所必需的范围内处理您的个人信息。',
  publishedAt: '2026-11-01T00:00:00.000Z',
};

const byId = (container: HTMLElement, id: string) => container.querySelector(`#${id}`) as HTMLElement;

async function renderJoin() {
  const view = render(<JoinPage />);
  await waitFor(() => expect(byId(view.container, 'policy-title').textContent).toBe('《Glow 会员隐私政策》'));
  await waitFor(() => expect(byId(view.container, 'demo-phone-input')).not.toBeNull());
  return view.container;
}

function type(container: HTMLElement, id: string, value: string) {
  fireEvent.change(byId(container, id), { target: { value } });
}

async function authorisePhone(container: HTMLElement, phone = '13800138000') {
  type(container, 'demo-phone-input', phone);
  fireEvent.click(byId(container, 'demo-phone-button'));
  await waitFor(() => expect(byId(container, 'phone-status')).not.toBeNull());
}

function tickConsent(container: HTMLElement) {
  fireEvent.click(byId(container, 'consent-checkbox').querySelector('input') as HTMLInputElement);
}

describe('JoinPage', () => {
  beforeEach(() => {
    jest.clearAllMocks();
    resetJoinSource();
    jest.mocked(getPrivacyPolicy).mockResolvedValue(POLICY);
    jest.mocked(isDemoMode).mockResolvedValue(true);
    jest.mocked(getDemoPhoneCode).mockResolvedValue('phone-code-1');
    jest.mocked(join).mockResolvedValue({} as JoinResponse);
  });

  it('keeps joining disabled until the privacy policy is accepted', async () => {
    const container = await renderJoin();
    const submit = byId(container, 'join-submit') as HTMLButtonElement;

    expect(submit.disabled).toBe(true);
    tickConsent(container);
    expect(submit.disabled).toBe(false);
  });

  it('shows the policy text on request', async () => {
    const container = await renderJoin();

    fireEvent.click(byId(container, 'policy-toggle'));

    expect(byId(container, 'policy-content').textContent).toContain('我们仅在提供会员服务所必需的范围内处理您的个人信息');
  });

  it('rejects a malformed demo phone number before calling the sandbox', async () => {
    const container = await renderJoin();

    type(container, 'demo-phone-input', '12345');
    fireEvent.click(byId(container, 'demo-phone-button'));

    expect(byId(container, 'join-error').textContent).toBe('请输入正确的 11 位手机号');
    expect(getDemoPhoneCode).not.toHaveBeenCalled();
  });

  it('mints a phone code in demo mode and shows the masked number', async () => {
    const container = await renderJoin();

    await authorisePhone(container, '138 0013 8000');

    expect(getDemoPhoneCode).toHaveBeenCalledWith('13800138000');
    expect(byId(container, 'phone-status').textContent).toContain('已授权手机号 138****8000');
  });

  it('asks for the phone before joining', async () => {
    const container = await renderJoin();
    tickConsent(container);

    fireEvent.click(byId(container, 'join-submit'));

    expect(byId(container, 'join-error').textContent).toBe('请先授权手机号');
    expect(join).not.toHaveBeenCalled();
  });

  it('joins with the consent version, phone code, profile and launch source, then opens the member card', async () => {
    rememberJoinSource({ scene: 's%3DSH01', ref: 'ab12cd' });
    const container = await renderJoin();
    await authorisePhone(container);
    type(container, 'nickname-input', ' 小美 ');
    type(container, 'city-input', '上海');
    fireEvent.click(screen.getByText('女').querySelector('input') ?? screen.getByText('女'));
    fireEvent.click(byId(container, 'birthday-value'));
    fireEvent.click(screen.getByTestId('date-picker-confirm'));
    tickConsent(container);

    await act(async () => {
      fireEvent.click(byId(container, 'join-submit'));
    });

    expect(join).toHaveBeenCalledWith({
      consentVersion: '2026-11',
      phoneCode: 'phone-code-1',
      nickname: '小美',
      birthday: '1990-05-20',
      gender: 'female',
      city: '上海',
      scene: 's=SH01',
      referralCode: 'AB12CD',
    });
    expect(uploadAvatar).not.toHaveBeenCalled();
    await waitFor(() => expect(Taro.reLaunch).toHaveBeenCalledWith({ url: '/pages/index/index' }));
  });

  it('shows the API message and asks for a new phone code when joining fails', async () => {
    jest.mocked(join).mockRejectedValue(new ApiError('MEMBER_PHONE_CODE_INVALID', '手机号授权已失效，请重新授权', 400));
    const container = await renderJoin();
    await authorisePhone(container);
    tickConsent(container);

    await act(async () => {
      fireEvent.click(byId(container, 'join-submit'));
    });

    await waitFor(() => expect(byId(container, 'join-error').textContent).toBe('手机号授权已失效，请重新授权'));
    expect(byId(container, 'phone-status')).toBeNull();
    expect(Taro.reLaunch).not.toHaveBeenCalled();
  });
});
