import type { MemberPortraitResponse } from '@glow/contracts';
import { Card, Descriptions, Flex, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import { EMPTY, formatDateTime } from '../../shared/format';
import { portraitSectionLabel } from '../../shared/labels';

/** Sections this page renders with their own cards; every other one is shown generically. */
const DEDICATED_SECTIONS = new Set(['skin', 'coupons']);
const MAX_DEPTH = 3;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

type Row = Record<string, unknown>;

/** Words for fields modules commonly return; any other field is shown under its own name. */
const FIELD_LABELS: Record<string, string> = {
  at: '时间',
  createdAt: '时间',
  date: '日期',
  points: '积分',
  balance: '余额',
  tier: '等级',
  reason: '原因',
  status: '状态',
  name: '名称',
  count: '数量',
  history: '记录',
  expiresAt: '到期时间',
};

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key;
}

function isRecord(value: unknown): value is Row {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPrimitive(value: unknown): boolean {
  return value === null || value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
}

function primitive(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return value.toLocaleString('zh-CN');
  const text = String(value);
  return INSTANT.test(text) ? formatDateTime(text) : text;
}

/** Any JSON a module puts in its section: values as text, flat lists of records as a table, records as descriptions. */
function SectionValue({ value, depth = 0 }: { value: unknown; depth?: number }): ReactNode {
  if (isPrimitive(value)) return primitive(value);
  if (depth >= MAX_DEPTH) return <Typography.Text code>{JSON.stringify(value)}</Typography.Text>;
  if (Array.isArray(value)) {
    if (value.length === 0) return <Typography.Text type="secondary">暂无记录</Typography.Text>;
    if (value.every((item) => isRecord(item) && Object.values(item).every(isPrimitive))) {
      const rows = (value as Row[]).map((row, index) => ({ index, row }));
      const keys = [...new Set(rows.flatMap(({ row }) => Object.keys(row)))];
      return (
        <Table<{ index: number; row: Row }>
          size="small"
          rowKey="index"
          pagination={rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          dataSource={rows}
          columns={keys.map((key) => ({ key, title: fieldLabel(key), render: (_, { row }) => primitive(row[key]) }))}
          scroll={{ x: 'max-content' }}
        />
      );
    }
    return (
      <Flex vertical gap={8}>
        {value.map((item, index) => (
          <SectionValue key={index} value={item} depth={depth + 1} />
        ))}
      </Flex>
    );
  }
  const entries = Object.entries(value as Row);
  if (entries.length === 0) return EMPTY;
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      items={entries.map(([key, item]) => ({ key, label: fieldLabel(key), children: <SectionValue value={item} depth={depth + 1} /> }))}
    />
  );
}

/**
 * The sections other modules add to the portrait, one card each, so they appear as the modules ship. Points and tiers
 * have their own card (member-points.card.tsx).
 */
export function PortraitSections({ sections }: { sections: MemberPortraitResponse['sections'] }) {
  const others = Object.entries(sections).filter(([key, value]) => !DEDICATED_SECTIONS.has(key) && value !== undefined && value !== null);
  return (
    <>
      {others.map(([key, value]) => (
        <Card key={key} title={portraitSectionLabel(key)} id={`portrait-section-${key}`} className="portrait-section">
          <SectionValue value={value} />
        </Card>
      ))}
    </>
  );
}
