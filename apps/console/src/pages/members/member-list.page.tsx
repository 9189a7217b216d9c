import type { MemberSummary } from '@glow/contracts';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Select, Table, Typography, type TableColumnsType } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { memberKeys, searchMembers } from '../../api/member.service';
import { listTags, tagKeys } from '../../api/tag.service';
import { formatDateTime, orEmpty } from '../../shared/format';

const DEFAULT_PAGE_SIZE = 20;
const PAGE_SIZES = [10, 20, 50, 100];
/** The API accepts a query of 1 to 40 characters. */
const MAX_QUERY_LENGTH = 40;

function positiveInt(raw: string | null, fallback: number, max: number): number {
  const value = Number(raw);
  return Number.isInteger(value) && value >= 1 ? Math.min(value, max) : fallback;
}

const columns: TableColumnsType<MemberSummary> = [
  { title: '会员号', dataIndex: 'memberNo', key: 'memberNo', width: 150 },
  {
    title: '姓名/昵称',
    key: 'name',
    render: (_, member) => (
      <Flex vertical>
        <span>{orEmpty(member.name)}</span>
        {member.nickname && <Typography.Text type="secondary">{member.nickname}</Typography.Text>}
      </Flex>
    ),
  },
  { title: '手机号', dataIndex: 'phoneMasked', key: 'phone', width: 140 },
  { title: '城市', dataIndex: 'city', key: 'city', render: (city: string | null) => orEmpty(city) },
  { title: '门店', dataIndex: 'storeName', key: 'store', render: (name: string | null) => orEmpty(name) },
  { title: '专属导购', dataIndex: 'advisorName', key: 'advisor', render: (name: string | null) => orEmpty(name) },
  { title: '入会时间', dataIndex: 'joinedAt', key: 'joinedAt', width: 160, render: (at: string) => formatDateTime(at) },
  {
    title: '操作',
    key: 'actions',
    width: 80,
    render: (_, member) => (
      // The row itself also opens the detail; stop the click here so it navigates once.
      <Link to={`/members/${member.id}`} onClick={(event) => event.stopPropagation()}>
        查看
      </Link>
    ),
  },
];

export function MemberListPage() {
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const tagId = params.get('tagId') ?? '';
  const page = positiveInt(params.get('page'), 1, 10000);
  const pageSize = positiveInt(params.get('pageSize'), DEFAULT_PAGE_SIZE, 100);

  // The box follows the URL when it changes from outside (back/forward), and is free to edit otherwise.
  const [draft, setDraft] = useState(q);
  const [shownQ, setShownQ] = useState(q);
  if (shownQ !== q) {
    setShownQ(q);
    setDraft(q);
  }

  const { data: tags, error: tagsError, isFetching: tagsLoading } = useQuery({ queryKey: tagKeys.all, queryFn: ({ signal }) => listTags(signal) });
  const tagOptions = (tags ?? []).map((tag) => ({ value: tag.id, label: `${tag.label}（${tag.members}）` }));

  const search = { q: q || undefined, tagId: tagId || undefined, page, pageSize };
  const { data, error, isFetching } = useQuery({
    queryKey: memberKeys.search(search),
    queryFn: ({ signal }) => searchMembers(search, signal),
    placeholderData: keepPreviousData,
  });

  const updateParams = (next: { q?: string; tagId?: string; page?: number; pageSize?: number }) => {
    const merged = { q, tagId, page, pageSize, ...next };
    const result = new URLSearchParams();
    if (merged.q) result.set('q', merged.q);
    if (merged.tagId) result.set('tagId', merged.tagId);
    if (merged.page !== 1) result.set('page', String(merged.page));
    if (merged.pageSize !== DEFAULT_PAGE_SIZE) result.set('pageSize', String(merged.pageSize));
    setParams(result);
  };

  return (
    <Card title="会员">
      <Flex vertical gap={16}>
        <Flex gap={12} wrap>
          <Input.Search
            id="member-search"
            allowClear
            enterButton="搜索"
            maxLength={MAX_QUERY_LENGTH}
            placeholder="输入完整手机号，或姓名、昵称、会员号的一部分"
            value={draft}
            onChange={(event) => setDraft(event.target.value)}
            onSearch={(value) => updateParams({ q: value.trim(), page: 1 })}
            loading={isFetching}
            style={{ maxWidth: 480 }}
          />
          <Select<string>
            id="tag-filter"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder="按标签筛选"
            loading={tagsLoading}
            options={tagOptions}
            // Until the tags arrive, a tag id from the URL would show as a raw id.
            value={tagId && tags ? tagId : undefined}
            onChange={(value) => updateParams({ tagId: value ?? '', page: 1 })}
            notFoundContent="暂无标签"
            style={{ width: 220 }}
          />
        </Flex>
        {tagsError && <Alert type="warning" showIcon title={`标签加载失败：${tagsError.message}`} />}
        {error && <Alert id="member-search-error" type="error" showIcon title={error.message} />}
        <Table<MemberSummary>
          rowKey="id"
          columns={columns}
          dataSource={data?.items ?? []}
          loading={isFetching}
          onRow={(member) => ({
            onClick: () => navigate(`/members/${member.id}`),
            style: { cursor: 'pointer' },
          })}
          pagination={{
            current: page,
            pageSize,
            total: data?.total ?? 0,
            pageSizeOptions: PAGE_SIZES,
            showSizeChanger: true,
            showTotal: (total) => `共 ${total} 位会员`,
          }}
          onChange={(pagination) => {
            const nextSize = pagination.pageSize ?? pageSize;
            updateParams({ page: nextSize === pageSize ? (pagination.current ?? 1) : 1, pageSize: nextSize });
          }}
          scroll={{ x: 960 }}
        />
      </Flex>
    </Card>
  );
}
