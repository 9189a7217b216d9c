import type {
  DELETE_CONFIRMATION,
  DeleteAccountDto,
  DeleteAccountResponse,
  JoinDto,
  JoinResponse,
  MemberHomeResponse,
  UpdateProfileDto,
} from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp, memberSession } from './member-session';

/** The words a member types to delete the account (contracts are type-only here, so repeated and checked). */
export const deleteConfirmation = '确认注销' satisfies typeof DELETE_CONFIRMATION;

/** Joins as a member and switches this app run to the member session the API returns. */
export async function join(dto: JoinDto): Promise<JoinResponse> {
  const result = await memberHttp.post<JoinResponse>(apiRoutes.join, dto);
  memberSession.replace(result.session);
  return result;
}

/** The member card: profile, tier, points, consent and profile completeness. A pre-member gets 403 MEMBER_NOT_JOINED. */
export function getMemberHome(): Promise<MemberHomeResponse> {
  return memberHttp.get<MemberHomeResponse>(apiRoutes.me);
}

export function updateProfile(dto: UpdateProfileDto): Promise<MemberHomeResponse> {
  return memberHttp.patch<MemberHomeResponse>(apiRoutes.me, dto);
}

/** Uploads a local image path (WeChat temp file, or blob URL in H5); JPG/PNG/WEBP up to 2 MB. */
export function uploadAvatar(filePath: string): Promise<{ avatarUrl: string }> {
  return memberHttp.upload<{ avatarUrl: string }>(apiRoutes.meAvatar, filePath, 'file');
}

/** Everything the brand holds about the member, as the JSON document the API builds (PIPL access right). */
export function exportMyData(): Promise<object> {
  return memberHttp.get<object>(apiRoutes.meExport);
}

/**
 * Deletes the account. The API anonymises the member and ends every session, so this app run forgets its
 * session too; the next call signs in afresh as a WeChat user who has not joined.
 */
export async function deleteAccount(confirm: string): Promise<DeleteAccountResponse> {
  const body: DeleteAccountDto = { confirm };
  const result = await memberHttp.post<DeleteAccountResponse>(apiRoutes.meDelete, body);
  memberSession.clear();
  return result;
}
