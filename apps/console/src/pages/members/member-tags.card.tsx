import { PlusOutlined } from '@ant-design/icons';
import type { MemberPortraitResponse, MemberTagView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { memberKeys } from '../../api/member.service';
import { portraitKeys } from '../../api/portrait.service';
import { addMemberTag, listTags, removeMemberTag, tagKeys } from '../../api/tag.service';
import { EMPTY, formatDateTime } from '../../shared/format';

/** Mirrors AddMemberTagDto (values from the contracts barrel are not imported, see api-routes.ts). */
const MAX_LABEL_LENGTH = 12;
const LABEL_PATTERN = /^[^\s<>]([^<>]*[^\s<>])?$/;

/** Why `label` cannot be a tag, or null when it can. */
export function tagLabelProblem(label: string): string | null {
  if (label.length === 0) return '请输入标签名称';
  if (label.length > MAX_LABEL_LENGTH) return `标签最多 ${MAX_LABEL_LENGTH} 个字`;
  if (!LABEL_PATTERN.test(label)) return '标签不能包含 < 或 >';
  return null;
}

/** What hovering a tag tells: rule tags are the system's, manual ones say who added them and when. */
export function tagTooltip(tag: MemberTagView): string {
  return tag.kind === 'rule' ? '系统规则' : `添加人：${tag.addedBy ?? EMPTY} · ${formatDateTime(tag.addedAt)}`;
}

export interface MemberTagsCardProps {
  memberId: string;
  tags: MemberTagView[];
  /** Advisors, store managers and admins may add and remove manual tags of an active member. */
  editable: boolean;
}

export function MemberTagsCard({ memberId, tags, editable }: MemberTagsCardProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  // Existing manual labels are offered while typing, so the same tag is not created twice under two spellings.
  const { data: allTags } = useQuery({ queryKey: tagKeys.all, queryFn: ({ signal }) => listTags(signal), enabled: editable });
  const carried = new Set(tags.map((tag) => tag.tagId));
  const suggestions = (allTags ?? []).filter((tag) => tag.kind === 'manual' && !carried.has(tag.id));

  // The API answers with the member's tags after the change: put them in the portrait instead of reading it (an
  // audited read) again, and refresh the tag counts and tag-filtered member lists.
  const applied = (next: MemberTagView[]) => {
    queryClient.setQueryData<MemberPortraitResponse>(portraitKeys.detail(memberId), (portrait) => (portrait ? { ...portrait, tags: next } : portrait));
    void queryClient.invalidateQueries({ queryKey: tagKeys.all });
    void queryClient.invalidateQueries({ queryKey: memberKeys.searches });
  };

  const add = useMutation({
    mutationFn: (value: string) => addMemberTag(memberId, value),
    onSuccess: (next, value) => {
      applied(next);
      setLabel('');
      message.success(`已添加标签「${value}」`);
    },
    onError: (error) => message.error(error.message),
  });

  const remove = useMutation({
    mutationFn: (tag: MemberTagView) => removeMemberTag(memberId, tag.tagId),
    onSuccess: (next, tag) => {
      applied(next);
      message.success(`已移除标签「${tag.label}」`);
    },
    onError: (error) => message.error(error.message),
  });

  const submit = () => {
    const value = label.trim();
    const found = tagLabelProblem(value);
    setProblem(found);
    if (!found) add.mutate(value);
  };

  return (
    <Card title="标签" id="member-tags">
      <Flex vertical gap={12}>
        <Flex wrap gap={8} id="member-tag-list">
          {tags.length === 0 && <Typography.Text type="secondary">暂无标签</Typography.Text>}
          {tags.map((tag) => (
            <Tooltip key={tag.tagId} title={tagTooltip(tag)}>
              <Tag
                className={`member-tag member-tag-${tag.kind}`}
                data-tag-id={tag.tagId}
                color={tag.kind === 'rule' ? 'geekblue' : 'magenta'}
                closable={editable && tag.kind === 'manual'}
                onClose={(event) => {
                  // The tag goes when the API has removed it, not before.
                  event.preventDefault();
                  if (!remove.isPending) remove.mutate(tag);
                }}
                style={{ marginInlineEnd: 0 }}
              >
                {tag.label}
              </Tag>
            </Tooltip>
          ))}
        </Flex>
        {editable && (
          <Flex vertical gap={4}>
            <Space.Compact style={{ maxWidth: 360 }}>
              <Input
                id="tag-input"
                list="tag-suggestions"
                autoComplete="off"
                placeholder="输入标签，回车添加"
                maxLength={MAX_LABEL_LENGTH}
                status={problem ? 'error' : undefined}
                value={label}
                onChange={(event) => {
                  setLabel(event.target.value);
                  setProblem(null);
                }}
                onPressEnter={submit}
              />
              <Button id="tag-add" icon={<PlusOutlined />} loading={add.isPending} onClick={submit}>
                添加
              </Button>
            </Space.Compact>
            <datalist id="tag-suggestions">
              {suggestions.map((tag) => (
                <option key={tag.id} value={tag.label} />
              ))}
            </datalist>
            {problem && <Typography.Text type="danger">{problem}</Typography.Text>}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
