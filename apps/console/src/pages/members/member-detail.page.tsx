import { ArrowLeftOutlined, EyeOutlined, UserOutlined } from '@ant-design/icons';
import type { MemberDetailResponse, MemberPortraitResponse } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import {
  Alert,
  Avatar,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Progress,
  Result,
  Row,
  Table,
  Tag,
  Timeline,
  Typography,
  type DescriptionsProps,
  type TableColumnsType,
} from 'antd';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http';
import { getMemberPortrait, portraitKeys } from '../../api/portrait.service';
import { useCan } from '../../auth/permissions';
import { PageSpinner } from '../../shared/page-spinner';
import { formatDate, formatDateTime, orEmpty } from '../../shared/format';
import { accessActionLabel, CHANNEL_LABELS, consentKindLabel, GENDER_LABELS } from '../../shared/labels';
import { MemberCouponsCard } from './member-coupons.card';
import { MemberPointsCard } from './member-points.card';
import { MemberTagsCard } from './member-tags.card';
import { PortraitSections } from './portrait-sections';
import { SkinProfileCard } from './skin-profile.card';

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
    { key: 'phone', label: '手机号', children: <span id="member-phone">{orEmpty(member.phone)}</span> },
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

function Completeness({ completeness }: { completeness: MemberPortraitResponse['completeness'] }) {
  return (
    <Flex vertical align="center" gap={8} id="member-completeness">
      <Progress type="circle" size={96} percent={completeness.percent} />
      <Typography.Text strong>资料完整度</Typography.Text>
      {completeness.missing.length > 0 && (
        <Flex wrap gap={4} justify="center">
          <Typography.Text type="secondary">待完善：</Typography.Text>
          {completeness.missing.map((item) => (
            <Tag key={item.field}>{item.label}</Tag>
          ))}
        </Flex>
      )}
      {completeness.nudge && (
        <Typography.Text type="secondary" style={{ textAlign: 'center' }}>
          {completeness.nudge}
        </Typography.Text>
      )}
    </Flex>
  );
}

export function MemberDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const location = useLocation();
  const canTag = useCan('member:tag');
  const canAdjustPoints = useCan('points:adjust');
  const canIssueCoupons = useCan('coupon:issue');
  const canRevokeCoupons = useCan('coupon:configure');
  // Each load is an audited (sensitive) read on the API, so it happens only when this page is opened.
  const { data: portrait, error, isPending } = useQuery({
    queryKey: portraitKeys.detail(id),
    queryFn: ({ signal }) => getMemberPortrait(id, signal),
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

  const { member } = portrait;
  const deleted = portrait.status === 'deleted';

  return (
    <Flex vertical gap={16} id="member-detail">
      <Flex align="center" gap={16} wrap>
        {back}
        <Avatar size={48} src={member.avatarUrl ?? undefined} icon={<UserOutlined />} />
        <Typography.Title level={4} style={{ margin: 0 }}>
          {member.name ?? member.nickname ?? member.memberNo}
        </Typography.Title>
        {deleted && <Tag color="red">已注销</Tag>}
      </Flex>
      {deleted && (
        <Alert
          id="member-deleted"
          type="warning"
          showIcon
          title="已注销"
          description="该会员已注销账号：个人信息已匿名化，肤质数据已删除，不能再添加标签。"
        />
      )}
      <Alert id="audit-note" type="info" showIcon icon={<EyeOutlined />} title={member.auditNote} />
      <Card title="会员资料">
        <Row gutter={[24, 16]} align="middle">
          <Col xs={24} xl={19}>
            <Descriptions bordered column={{ xs: 1, md: 2, xl: 3 }} items={profileItems(member)} />
          </Col>
          <Col xs={24} xl={5}>
            <Completeness completeness={portrait.completeness} />
          </Col>
        </Row>
      </Card>
      <MemberTagsCard memberId={member.id} tags={portrait.tags} editable={canTag && !deleted} />
      <MemberPointsCard memberId={member.id} adjustable={canAdjustPoints && !deleted} />
      <MemberCouponsCard memberId={member.id} canIssue={canIssueCoupons && !deleted} canRevoke={canRevokeCoupons && !deleted} />
      <SkinProfileCard skin={portrait.sections.skin} />
      <PortraitSections sections={portrait.sections} />
      <Card title="隐私与审计" id="member-privacy">
        <Flex vertical gap={16}>
          <div>
            <Typography.Title level={5}>授权记录</Typography.Title>
            <Table<Consent>
              id="member-consents"
              rowKey={(consent) => `${consent.kind}-${consent.version}-${consent.grantedAt}`}
              columns={consentColumns}
              dataSource={member.consents}
              pagination={false}
              size="small"
            />
          </div>
          <div>
            <Typography.Title level={5}>最近访问记录</Typography.Title>
            {member.recentAccess.length === 0 ? (
              <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无访问记录" />
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
          </div>
        </Flex>
      </Card>
    </Flex>
  );
}
