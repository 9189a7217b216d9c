import { PlusOutlined, SearchOutlined } from '@ant-design/icons';
import type { KbArticleView, KbMatchResponse, KbMatchView } from '@glow/contracts';
import { KB_CATEGORIES, KB_CATEGORY_LABELS, type KbCategory } from '@glow/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Drawer, Flex, Form, Input, Popconfirm, Result, Select, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { createKbArticle, deleteKbArticle, kbKeys, listKbArticles, matchKb, updateKbArticle } from '../../api/kb.service';
import { useCan } from '../../auth/permissions';
import { formatCount, formatDateTime, formatPercentOrEmpty } from '../../shared/format';
import { handoverRate, KB_LIMITS, kbFormProblems, toKbArticleDto, toKbFormValues, type KbFormField, type KbFormValues } from './kb-form';

const CATEGORY_OPTIONS = KB_CATEGORIES.map((category) => ({ value: category, label: KB_CATEGORY_LABELS[category] }));
const ALL = 'all';

const formatScore = (score: number) => score.toFixed(2);

function MatchedWords({ words }: { words: string[] }) {
  return (
    <Flex wrap gap={4} className="kb-matched">
      {words.length === 0 ? (
        <Typography.Text type="secondary">—</Typography.Text>
      ) : (
        words.map((word) => (
          <Tag key={word} color="magenta" style={{ marginInlineEnd: 0 }}>
            {word}
          </Tag>
        ))
      )}
    </Flex>
  );
}

const CANDIDATE_COLUMNS: TableColumnsType<KbMatchView> = [
  { title: '问题', dataIndex: 'question', key: 'question' },
  { title: '得分', dataIndex: 'score', key: 'score', width: 80, align: 'right', render: (score: number) => <span className="kb-candidate-score">{formatScore(score)}</span> },
  { title: '命中词', dataIndex: 'matched', key: 'matched', render: (words: string[]) => <MatchedWords words={words} /> },
];

/** Types a member's question and shows what the bot would answer, and what else it weighed. */
function MatchTester() {
  const [question, setQuestion] = useState('');
  const match = useMutation({ mutationFn: (text: string) => matchKb(text) });
  const result: KbMatchResponse | undefined = match.data;
  const submit = () => {
    const text = question.trim();
    if (text) match.mutate(text.slice(0, 200));
  };
  return (
    <Card size="small" title="测试匹配" id="kb-tester">
      <Flex vertical gap={12}>
        <Space.Compact style={{ maxWidth: 560 }}>
          <Input id="kb-test-question" placeholder="输入会员可能会问的话，如：我的快递到哪了" maxLength={200} value={question} onChange={(event) => setQuestion(event.target.value)} onPressEnter={submit} />
          <Button id="kb-test-submit" type="primary" icon={<SearchOutlined />} loading={match.isPending} disabled={question.trim() === ''} onClick={submit}>
            测试
          </Button>
        </Space.Compact>
        {match.error && <Alert type="error" showIcon title={match.error.message} />}
        {result && (
          <>
            {result.best ? (
              <Alert
                id="kb-test-best"
                type="success"
                showIcon
                title={`智能助手会回答：${result.best.question}`}
                description={
                  <Flex gap={8} align="center" wrap>
                    <span>得分 {formatScore(result.best.score)}</span>
                    <MatchedWords words={result.best.matched} />
                  </Flex>
                }
              />
            ) : (
              <Alert id="kb-test-best" type="warning" showIcon title="没有足够匹配的问答：智能助手会表示没听懂，并提供转人工" />
            )}
            <Table<KbMatchView>
              id="kb-test-candidates"
              rowKey="articleId"
              size="small"
              columns={CANDIDATE_COLUMNS}
              dataSource={result.candidates}
              pagination={false}
              onRow={(candidate) => ({ className: 'kb-candidate', 'data-article-id': candidate.articleId }) as HTMLAttributes<HTMLElement>}
              locale={{ emptyText: '没有候选问答' }}
            />
          </>
        )}
      </Flex>
    </Card>
  );
}

function ArticleDrawer({ article, onClose }: { article: KbArticleView | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [values, setValues] = useState<KbFormValues>(() => toKbFormValues(article));
  const [problems, setProblems] = useState<Partial<Record<KbFormField, string>>>({});
  const save = useMutation({
    mutationFn: () => (article ? updateKbArticle(article.id, toKbArticleDto(values)) : createKbArticle(toKbArticleDto(values))),
    onSuccess: async (saved) => {
      message.success(article ? '已保存问答' : `已新增问答「${saved.question}」`);
      onClose();
      await queryClient.invalidateQueries({ queryKey: kbKeys.all });
    },
  });
  const update = (next: Partial<KbFormValues>) => {
    setValues((current) => ({ ...current, ...next }));
    setProblems({});
  };
  const submit = () => {
    const found = kbFormProblems(values);
    setProblems(found);
    if (Object.keys(found).length === 0) save.mutate();
  };
  const item = (field: KbFormField) => ({ validateStatus: problems[field] ? ('error' as const) : undefined, help: problems[field] });

  return (
    <Drawer open onClose={onClose} size={560} title={article ? '编辑问答' : '新增问答'} destroyOnHidden>
      <Form layout="vertical" id="kb-form" onFinish={submit}>
        <Form.Item label="问题" required htmlFor="kb-question" {...item('question')}>
          <Input id="kb-question" maxLength={KB_LIMITS.question.max} showCount value={values.question} onChange={(event) => update({ question: event.target.value })} />
        </Form.Item>
        <Form.Item label="关键词" htmlFor="kb-keywords" extra="会员的话里出现这些词时匹配此问答，回车添加" {...item('keywords')}>
          <Select<string[]> id="kb-keywords" mode="tags" open={false} tokenSeparators={[',', '，']} value={values.keywords} onChange={(keywords) => update({ keywords })} />
        </Form.Item>
        <Form.Item label="同义词" htmlFor="kb-synonyms" extra="关键词的其他说法，如 快递 → 物流、发货" {...item('synonyms')}>
          <Select<string[]> id="kb-synonyms" mode="tags" open={false} tokenSeparators={[',', '，']} value={values.synonyms} onChange={(synonyms) => update({ synonyms })} />
        </Form.Item>
        <Form.Item label="回答" required htmlFor="kb-answer" {...item('answer')}>
          <Input.TextArea id="kb-answer" rows={5} maxLength={KB_LIMITS.answer.max} showCount value={values.answer} onChange={(event) => update({ answer: event.target.value })} />
        </Form.Item>
        <Flex gap={24}>
          <Form.Item label="分类" htmlFor="kb-category">
            <Select<KbCategory> id="kb-category" options={CATEGORY_OPTIONS} value={values.category} onChange={(category) => update({ category })} style={{ width: 160 }} />
          </Form.Item>
          <Form.Item label="启用">
            <Switch id="kb-enabled" checked={values.enabled} onChange={(enabled) => update({ enabled })} />
          </Form.Item>
        </Flex>
        {save.error && <Alert id="kb-form-error" type="error" showIcon style={{ marginBottom: 16 }} title={save.error.message} />}
        <Button id="kb-submit" type="primary" htmlType="submit" loading={save.isPending}>
          保存
        </Button>
      </Form>
    </Drawer>
  );
}

/** The FAQ the bot answers from, how each article does (answers, then handovers), and a tester for the matcher. */
export function KbPage() {
  const allowed = useCan('service:kb');
  const canEdit = useCan('service:kb-edit');
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<{ article: KbArticleView | null } | null>(null);
  const [category, setCategory] = useState<string>(ALL);
  const { data, error, isPending } = useQuery({ queryKey: kbKeys.list, queryFn: ({ signal }) => listKbArticles(signal), enabled: allowed });

  const toggle = useMutation({
    mutationFn: (article: KbArticleView) => updateKbArticle(article.id, toKbArticleDto({ ...toKbFormValues(article), enabled: !article.enabled })),
    onSuccess: async (saved) => {
      message.success(saved.enabled ? '已启用' : '已停用');
      await queryClient.invalidateQueries({ queryKey: kbKeys.all });
    },
    onError: (failure) => message.error(failure.message),
  });
  const remove = useMutation({
    mutationFn: (article: KbArticleView) => deleteKbArticle(article.id),
    onSuccess: async () => {
      message.success('已删除');
      await queryClient.invalidateQueries({ queryKey: kbKeys.all });
    },
    onError: (failure) => message.error(failure.message),
  });

  if (!allowed) return <Result status="403" title="没有权限查看知识库" />;

  const columns: TableColumnsType<KbArticleView> = [
    {
      title: '问题',
      key: 'question',
      render: (_, article) => (
        <Flex vertical gap={2}>
          <Typography.Text strong className="kb-question">
            {article.question}
          </Typography.Text>
          <Typography.Text type="secondary" ellipsis style={{ maxWidth: 360, fontSize: 12 }}>
            {article.answer}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '分类', dataIndex: 'category', key: 'category', width: 100, render: (value: KbCategory) => <Tag>{KB_CATEGORY_LABELS[value]}</Tag> },
    {
      title: '关键词 / 同义词',
      key: 'words',
      width: 240,
      render: (_, article) => (
        <Flex wrap gap={4}>
          {article.keywords.map((word) => (
            <Tag key={`k-${word}`} color="magenta" style={{ marginInlineEnd: 0 }}>
              {word}
            </Tag>
          ))}
          {article.synonyms.map((word) => (
            <Tag key={`s-${word}`} style={{ marginInlineEnd: 0 }}>
              {word}
            </Tag>
          ))}
        </Flex>
      ),
    },
    { title: '回答次数', dataIndex: 'answeredCount', key: 'answeredCount', width: 90, align: 'right', render: (count: number) => <span className="kb-answered">{formatCount(count)}</span> },
    {
      title: '转人工',
      key: 'handover',
      width: 110,
      align: 'right',
      render: (_, article) => (
        <span className="kb-handover">
          {formatCount(article.handoverCount)}（{formatPercentOrEmpty(handoverRate(article))}）
        </span>
      ),
    },
    {
      title: '启用',
      key: 'enabled',
      width: 70,
      render: (_, article) =>
        canEdit ? (
          <Switch size="small" className="kb-enabled" checked={article.enabled} loading={toggle.isPending && toggle.variables?.id === article.id} onChange={() => toggle.mutate(article)} />
        ) : (
          <Tag color={article.enabled ? 'green' : 'default'}>{article.enabled ? '启用' : '停用'}</Tag>
        ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 140, render: (at: string) => formatDateTime(at) },
    ...(canEdit
      ? [
          {
            title: '操作',
            key: 'actions',
            width: 120,
            render: (_: unknown, article: KbArticleView) => (
              <Flex gap={0}>
                <Button type="link" size="small" className="kb-edit" onClick={() => setEditing({ article })}>
                  编辑
                </Button>
                <Popconfirm title={`删除「${article.question}」？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true, className: 'kb-delete-confirm' }} onConfirm={() => remove.mutate(article)}>
                  <Button type="link" size="small" danger className="kb-delete">
                    删除
                  </Button>
                </Popconfirm>
              </Flex>
            ),
          },
        ]
      : []),
  ];

  const shown = (data ?? []).filter((article) => category === ALL || article.category === category);
  return (
    <Flex vertical gap={16} id="kb-page">
      <MatchTester />
      <Card
        title="知识库"
        extra={
          canEdit && (
            <Button id="kb-new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ article: null })}>
              新增问答
            </Button>
          )
        }
      >
        <Flex vertical gap={12}>
          {!canEdit && <Typography.Text type="secondary">知识库由店长、市场与管理员维护；您可以查看问答并测试匹配。</Typography.Text>}
          <Select<string> id="kb-category-filter" value={category} options={[{ value: ALL, label: '全部分类' }, ...CATEGORY_OPTIONS]} onChange={setCategory} style={{ width: 160 }} />
          {error && <Alert type="error" showIcon title={error.message} />}
          <Table<KbArticleView>
            id="kb-table"
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={shown}
            loading={isPending}
            onRow={(article) => ({ 'data-article-id': article.id }) as HTMLAttributes<HTMLElement>}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条问答` }}
            locale={{ emptyText: '还没有问答' }}
          />
        </Flex>
      </Card>
      {editing && <ArticleDrawer article={editing.article} onClose={() => setEditing(null)} />}
    </Flex>
  );
}
