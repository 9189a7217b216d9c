import { IsString, Length, Matches } from 'class-validator';

/** `wx.login` code exchanged for a session. */
export class MemberLoginDto {
  @IsString()
  @Length(1, 128)
  @Matches(/^[A-Za-z0-9_-]+$/)
  code!: string;
}
