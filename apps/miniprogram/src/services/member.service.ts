import type { JoinDto, JoinResponse, MemberHomeResponse, UpdateProfileDto } from '@glow/contracts';
import { apiRoutes } from './api-routes';
import { memberHttp, memberSession } from './member-session';

/** Joins as a member and switches this app run to the member session the API returns. */
export async function join(dto: JoinDto): Promise<JoinResponse> {
  const result = await memberHttp.post<JoinResponse>(apiRoutes.join, dto);
  memberSession.replace(result.session);
  return result;
}

/** The member card: profile, tier, points and consent. A pre-member gets 403 MEMBER_NOT_JOINED. */
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
