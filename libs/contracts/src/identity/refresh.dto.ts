import { IsString, Length, Matches } from 'class-validator';

export class RefreshDto {
  @IsString()
  @Length(20, 200)
  @Matches(/^[A-Za-z0-9_\-.]+$/)
  refreshToken!: string;
}
