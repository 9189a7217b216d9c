import { IsString, Length, Matches } from 'class-validator';

export type TagKind = 'manual' | 'rule';

export interface TagSummary {
  id: string;
  /** Rule tags have a stable key (`sensitive-skin`); manual tags have none. */
  key: string | null;
  label: string;
  kind: TagKind;
  members: number;
}

export interface MemberTagView {
  tagId: string;
  key: string | null;
  label: string;
  kind: TagKind;
  /** Who added a manual tag; null for rule tags. */
  addedBy: string | null;
  addedAt: string;
}

/** An advisor tags a member; a label not seen before creates a new manual tag. */
export class AddMemberTagDto {
  @IsString()
  @Length(1, 12)
  @Matches(/^[^\s<>]([^<>]*[^\s<>])?$/)
  label!: string;
}
