import { ArrowLeftOutlined, EyeOutlined, UserOutlined } from '@ant-design/icons';
import type { MemberDetailResponse } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Avatar, Button, Card, Descriptions, Empty, Flex, Result, Table, Tag, Timeline, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http';
import { getMemberDetail, memberKeys } from '../../api/member.service';
import { PageSpinner } from '../../shared/page-spinner';
import { formatDate, formatDateTime, orEmpty } from '../../shared/format';
import { accessActionLabel, CHANNEL_LABELS, consentKindLabel, GENDER_LABELS } from '../../shared/labels';

type Consent = MemberDetailResponse['consents'][number];

const consentColumns: TableColumnsType<Consent> = [
  { title: '类型', dataIndex: 'kind', key: 'kind', render: (kind: string) => consentKindLabel(kind) },
  { title: '版本', dataIndex: 'version', key: 'version' },
  { title: '同意时间', dataIndex: 'grantedAt', key: 'grantedAt', render: (at: string) => formatDateTime(at) },
  { title: '撤回时间', dataIndex: 'revokedAt', key: 'revokedAt', render: (at: string | null) => formatDateTime(at) },
  {
    title: '状态',
    key: 'status',
    render: (_, consent) => (consent.revokedAt ? <Tag>已撤回</Tag> : <Tag color="green">有效</Tag>),
  },
];

function profileItems(member: MemberDetailResponse): DescriptionsProps['items'] {
  return [
    { key: 'memberNo', label: '会员号', children: member.memberNo },
    { key: 'name', label: '姓名', children: orEmpty(member.name) },
    { key: 'nickname', label: '昵称', children: orEmpty(member.nickname) },
    { key: 'phone', label: '手机号', children: <span id="member-phone">{member.phone}</span> },
    { key: 'gender', label: '性别', children: GENDER_LABELS[member.gender] },
    { key: 'birthday', label: '生日', children: orEmpty(member.birthday) },
    { key: 'city', label: '城市', children: orEmpty(member.city) },
    { key: 'channel', label: '入会渠道', children: CHANNEL_LABELS[member.channel] },
    { key: 'store', label: '所属门店', children: orEmpty(member.store?.name) },
    { key: 'advisor', label: '专属导购', children: orEmpty(member.advisor?.name) },
    { key: 'referralCode', label: '邀请码', children: <Typography.Text copyable>{member.referralCode}</Typography.Text> },
    { key: 'joinedAt', label: '入会时间', children: formatDate(member.joinedAt) },
  ];
}

export function MemberDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  // Each load is an audited read on the API, so it happens only when this page is opened.
  const { data: member, error, isPending } = useQuery({
    queryKey: memberKeys.detail(id),
    queryFn: ({ signal }) => getMemberDetail(id, signal),
    enabled: id !== '',
  });

  // Back to the list as it was left (query and page live in its URL) when the list is in this tab's history.
  const goBack = () => (location.key !== 'default' ? navigate(-1) : navigate('/members'));
  const back = (
    <Button icon={<ArrowLeftOutlined />} onClick={goBack}>
      返回会员列表
    </Button>
  );

  if (error) {
    const status = isApiError(error) && error.status === 403 ? '403' : isApiError(error) && error.status === 404 ? '404' : 'error';
    return (
      <div id="member-detail-error">
        <Result status={status} title="无法查看该会员" subTitle={error.message} extra={back} />
      </div>
    );
  }
  if (isPending) return <PageSpinner />;

  return (
    <Flex vertical gap={16} id="member-detail">
      <Flex align="center" gap={16}>
        {back}
        <Avatar size={48} src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {member.name ?? member.nickname ?? member.memberNo}
        </Typography.Title>
      </Flex>
      <Alert id="audit-note" type="info" showIcon icon={<EyeOutlined />} title={member.auditNote} />
      <Card title="会员资料">
        <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={profileItems(member)} />
      </Card>
      <Card title="授权记录">
        <Table<Consent>
          id="member-consents"
          rowKey={(consent) => `${consent.kind}-${consent.version}-${consent.grantedAt}`}
          columns={consentColumns}
          dataSource={member.consents}
          pagination={false}
          size="small"
        />
      </Card>
      <Card title="最近访问记录">
        {member.recentAccess.length === 0 ? (
          <Empty description="暂无访问记录" />
        ) : (
          <div id="member-recent-access">
            <Timeline
              items={member.recentAccess.map((access, index) => ({
                key: `${access.at}-${index}`,
                title: formatDateTime(access.at),
                content: `${access.staffName} · ${accessActionLabel(access.action)}`,
              }))}
            />
          </div>
        )}
      </Card>
    </Flex>
  );
}
