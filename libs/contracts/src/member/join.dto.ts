import { IsDateString, IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';

import { GENDERS, type Gender } from '@glow/domain';

export { GENDERS, type Gender };

/** Joining as a member: consent to a policy version, a phone code from `getPhoneNumber`, an optional profile. */
export class JoinDto {
  @IsString()
  @Length(1, 32)
  @Matches(/^[A-Za-z0-9.-]+$/)
  consentVersion!: string;

  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9_-]+$/)
  phoneCode!: string;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  nickname?: string;

  @IsOptional()
  @IsDateString({ strict: true })
  @Length(10, 10)
  birthday?: string;

  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @IsOptional()
  @IsString()
  @Length(1, 20)
  city?: string;

  /** A member's referral code, passed on by a friend. */
  @IsOptional()
  @IsString()
  @Length(4, 16)
  @Matches(/^[A-Z0-9]+$/)
  referralCode?: string;

  /** The `scene` of a store or advisor QR code the mini-program was opened with. */
  @IsOptional()
  @IsString()
  @MaxLength(32)
  scene?: string;
}
