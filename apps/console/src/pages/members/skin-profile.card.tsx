import type { PortraitSkinSection } from '@glow/contracts';
import { ALLERGEN_LABELS, SENSITIVITY_LABELS, SKIN_CONCERN_LABELS, SKIN_TYPE_LABELS, type SensitivityLevel } from '@glow/domain';
import { Card, Col, Descriptions, Empty, Flex, Row, Tag, Timeline, Typography, type DescriptionsProps } from 'antd';
import { EMPTY, formatDateTime } from '../../shared/format';

const SENSITIVITY_COLORS: Record<SensitivityLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

function ConsentState({ consent }: { consent: PortraitSkinSection['consent'] }) {
  if (consent?.revokedAt) {
    return (
      <span id="skin-consent">
        <Tag>已撤回</Tag>
        <Typography.Text type="secondary">{formatDateTime(consent.revokedAt)} 撤回，肤质数据已删除</Typography.Text>
      </span>
    );
  }
  if (consent?.grantedAt) {
    return (
      <span id="skin-consent">
        <Tag color="green">已授权</Tag>
        <Typography.Text type="secondary">
          版本 {consent.version} · {formatDateTime(consent.grantedAt)}
        </Typography.Text>
      </span>
    );
  }
  return (
    <span id="skin-consent">
      <Tag>未授权</Tag>
    </span>
  );
}

function CurrentProfile({ current }: { current: NonNullable<PortraitSkinSection['current']> }) {
  const items: DescriptionsProps['items'] = [
    {
      key: 'type',
      label: '肤质',
      children: (
        <Flex wrap gap={4}>
          <Tag color="magenta">{SKIN_TYPE_LABELS[current.skinType]}</Tag>
          <Tag color={SENSITIVITY_COLORS[current.sensitivity]}>
            {SENSITIVITY_LABELS[current.sensitivity]}（敏感度 {current.sensitivityScore}）
          </Tag>
        </Flex>
      ),
    },
    {
      key: 'concerns',
      label: '肌肤问题',
      children:
        current.concerns.length === 0 ? (
          EMPTY
        ) : (
          <Flex wrap gap={4}>
            {current.concerns.map((concern) => (
              <Tag key={concern}>{SKIN_CONCERN_LABELS[concern]}</Tag>
            ))}
          </Flex>
        ),
    },
    {
      key: 'allergens',
      label: '过敏成分',
      children:
        current.allergens.length === 0 ? (
          '无'
        ) : (
          <Flex wrap gap={4} id="skin-allergens">
            {current.allergens.map((allergen) => (
              <Tag key={allergen} color="red">
                {ALLERGEN_LABELS[allergen]}
              </Tag>
            ))}
          </Flex>
        ),
    },
    { key: 'summary', label: '结论', children: current.summary },
    { key: 'explanation', label: '说明', children: <Typography.Text type="secondary">{current.explanation}</Typography.Text> },
    { key: 'takenAt', label: '测试时间', children: formatDateTime(current.takenAt) },
  ];
  return <Descriptions id="skin-current" column={1} size="small" items={items} />;
}

function History({ history }: { history: PortraitSkinSection['history'] }) {
  if (history.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无测试记录" />;
  return (
    <div id="skin-history">
      <Timeline
        items={history.map((result) => ({
          key: result.id,
          title: formatDateTime(result.takenAt),
          content: (
            <Flex vertical gap={4}>
              <span>{result.summary}</span>
              <Flex wrap gap={4}>
                <Tag>{SKIN_TYPE_LABELS[result.skinType]}</Tag>
                {result.sensitive && <Tag color="orange">敏感</Tag>}
                {result.concerns.map((concern) => (
                  <Tag key={concern}>{SKIN_CONCERN_LABELS[concern]}</Tag>
                ))}
              </Flex>
              <Typography.Text type="secondary">问卷第 {result.version} 版</Typography.Text>
            </Flex>
          ),
        }))}
      />
    </div>
  );
}

/** The member's skin profile: consent, current profile, result history and the latest answers. Reading it is audited. */
export function SkinProfileCard({ skin }: { skin: PortraitSkinSection | undefined }) {
  const consentItems: DescriptionsProps['items'] = [{ key: 'consent', label: '敏感信息授权', children: <ConsentState consent={skin?.consent ?? null} /> }];
  const consented = Boolean(skin?.consent?.grantedAt) && !skin?.consent?.revokedAt;

  return (
    <Card title="肤质档案" id="skin-profile">
      <Flex vertical gap={16}>
        <Descriptions size="small" column={1} items={consentItems} />
        {!skin?.current ? (
          <div id="skin-profile-empty">
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={consented ? '会员尚未完成肤质测试' : '会员未授权肤质数据，暂无肤质档案'} />
          </div>
        ) : (
          <Row gutter={[24, 16]}>
            <Col xs={24} xl={14}>
              <Typography.Title level={5}>当前肤质</Typography.Title>
              <CurrentProfile current={skin.current} />
            </Col>
            <Col xs={24} xl={10}>
              <Typography.Title level={5}>测试记录</Typography.Title>
              <History history={skin.history} />
            </Col>
          </Row>
        )}
        {skin && skin.latestAnswers.length > 0 && (
          <div>
            <Typography.Title level={5}>最近一次作答</Typography.Title>
            <Descriptions
              id="skin-latest-answers"
              size="small"
              bordered
              column={1}
              items={skin.latestAnswers.map((answer, index) => ({ key: `${index}`, label: answer.question, children: answer.answer || EMPTY }))}
            />
          </div>
        )}
      </Flex>
    </Card>
  );
}
