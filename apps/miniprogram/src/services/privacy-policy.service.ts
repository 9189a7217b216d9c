import type { PrivacyPolicyResponse } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { http } from './http';

/** The current privacy policy; joining records consent to its `version`. */
export function getPrivacyPolicy(): Promise<PrivacyPolicyResponse> {
  return http.get<PrivacyPolicyResponse>(apiRoutes.privacyPolicy);
}
