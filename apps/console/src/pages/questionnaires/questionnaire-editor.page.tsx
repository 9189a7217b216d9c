import { ArrowLeftOutlined, CheckCircleOutlined, PlusOutlined, SaveOutlined, StarOutlined } from '@ant-design/icons';
import type { QuestionnaireDetail, QuestionnaireVersionInfo, QuestionnaireVersionStatus } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, ConfigProvider, Empty, Flex, Form, Input, Result, Space, Table, Tag, Tooltip, Typography, type TableColumnsType } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { isApiError } from '../../api/http';
import {
  createQuestionnaire,
  getQuestionnaire,
  makeQuestionnairePrimary,
  publishQuestionnaire,
  questionnaireKeys,
  saveQuestionnaireDraft,
} from '../../api/questionnaire.service';
import { useCan } from '../../auth/permissions';
import { errorProblems } from '../../shared/error-details';
import { EMPTY, formatDateTime } from '../../shared/format';
import { QUESTIONNAIRE_STATUS_LABELS } from '../../shared/labels';
import { PageSpinner } from '../../shared/page-spinner';
import { QuestionEditor } from './question-editor';
import { QuestionnairePreview } from './questionnaire-preview';
import { describeField, fromVersion, MAX_QUESTIONS, move, newQuestion, toDefinition, type EditorQuestion, type EditorState } from './questionnaire-draft';

const DRAFT_CHANGED = 'QUESTIONNAIRE_DRAFT_CHANGED';

const STATUS_COLORS: Record<QuestionnaireVersionStatus, string | undefined> = { draft: 'blue', published: 'green', retired: undefined };

const versionColumns: TableColumnsType<QuestionnaireVersionInfo> = [
  { title: '版本', dataIndex: 'version', key: 'version', width: 90, render: (version: number) => `第 ${version} 版` },
  { title: '标题', dataIndex: 'title', key: 'title' },
  {
    title: '状态',
    dataIndex: 'status',
    key: 'status',
    width: 90,
    render: (status: QuestionnaireVersionStatus) => <Tag color={STATUS_COLORS[status]}>{QUESTIONNAIRE_STATUS_LABELS[status]}</Tag>,
  },
  { title: '发布时间', dataIndex: 'publishedAt', key: 'publishedAt', width: 160, render: (at: string | null) => formatDateTime(at) },
  { title: '发布人', dataIndex: 'publishedBy', key: 'publishedBy', width: 110, render: (by: string | null) => by ?? EMPTY },
  { title: '作答数', dataIndex: 'responses', key: 'responses', width: 90, align: 'right' },
];

function ProblemList({ lines }: { lines: { field: string; problem: string }[] }) {
  return (
    <ul style={{ margin: 0, paddingInlineStart: 20 }}>
      {lines.map((line, index) => (
        <li key={`${line.field}-${index}`}>
          <Typography.Text type="secondary">{line.field}：</Typography.Text>
          {line.problem}
        </li>
      ))}
    </ul>
  );
}

interface EditorProps {
  /** Undefined while creating: the first save creates the questionnaire. */
  id: string | undefined;
  detail: QuestionnaireDetail | null;
  canEdit: boolean;
  onReload: () => void;
}

function QuestionnaireEditor({ id, detail, canEdit, onReload }: EditorProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message, modal } = App.useApp();
  // The draft when there is one; otherwise the published version, whose edit becomes the next draft on save.
  const [state, setState] = useState<EditorState>(() => fromVersion(detail?.draft ?? detail?.published ?? null));
  const [dirty, setDirty] = useState(false);
  const [titleError, setTitleError] = useState<string | null>(null);

  // Leaving the page (reload, closing the tab) with unsaved work asks first.
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const edit = (next: Partial<EditorState>) => {
    setState((current) => ({ ...current, ...next }));
    setDirty(true);
  };
  const setQuestions = (update: (questions: EditorQuestion[]) => EditorQuestion[]) => {
    setState((current) => ({ ...current, questions: update(current.questions) }));
    setDirty(true);
  };

  const stored = async (saved: QuestionnaireDetail) => {
    queryClient.setQueryData(questionnaireKeys.detail(saved.id), saved);
    await queryClient.invalidateQueries({ queryKey: questionnaireKeys.list });
  };

  const save = useMutation({
    mutationFn: (body: { title: string; description: string; definition: ReturnType<typeof toDefinition> }) =>
      id ? saveQuestionnaireDraft(id, body) : createQuestionnaire(body),
    onMutate: () => {
      publish.reset();
      primary.reset();
    },
    onSuccess: async (saved) => {
      await stored(saved);
      setDirty(false);
      message.success(saved.draft ? `草稿（第 ${saved.draft.version} 版）已保存` : '草稿已保存');
      if (!id) navigate(`/questionnaires/${saved.id}`, { replace: true });
    },
  });

  const publish = useMutation({
    mutationFn: (version: number) => publishQuestionnaire(id ?? '', version),
    onMutate: () => {
      save.reset();
      primary.reset();
    },
    onSuccess: async (saved) => {
      await stored(saved);
      message.success(saved.published ? `第 ${saved.published.version} 版已发布` : '已发布');
    },
  });

  const primary = useMutation({
    mutationFn: () => makeQuestionnairePrimary(id ?? ''),
    onMutate: () => {
      save.reset();
      publish.reset();
    },
    onSuccess: async (saved) => {
      await stored(saved);
      message.success('已设为会员肤质测试');
    },
  });

  const onSave = () => {
    const title = state.title.trim();
    if (!title) {
      setTitleError('请输入问卷标题');
      return;
    }
    setTitleError(null);
    save.mutate({ title, description: state.description.trim(), definition: toDefinition(state.questions) });
  };

  const draft = detail?.draft ?? null;
  const problems = draft?.problems ?? [];
  const publishBlocker = !draft
    ? '没有可发布的草稿'
    : dirty
      ? '有未保存的修改，请先保存草稿'
      : problems.length > 0
        ? '草稿还有问题未处理'
        : null;

  const onPublish = () => {
    if (!draft) return;
    const current = detail?.published;
    modal.confirm({
      title: `发布第 ${draft.version} 版？`,
      content: (
        <Typography.Paragraph style={{ margin: 0 }}>
          发布后该版本将被冻结，不能再修改（之后的修改会成为新的草稿版本）。
          {current ? `当前已发布的第 ${current.version} 版将停用，` : ''}
          {detail?.primary ? '会员此后进行肤质测试将使用新版本。' : ''}
        </Typography.Paragraph>
      ),
      okText: '确认发布',
      cancelText: '取消',
      // A refusal is shown on the page (with its problems), not left in the dialog.
      onOk: () => publish.mutateAsync(draft.version).catch(() => undefined),
    });
  };

  const actionError = save.error ?? publish.error ?? primary.error;
  const actionProblems = errorProblems(actionError).map(({ field, problem }) => ({ field: describeField(field, state.questions), problem }));
  const problemLines = problems.map(({ field, problem }) => ({ field: describeField(field, draft?.definition.questions), problem }));
  const versions = [...(detail?.versions ?? [])].sort((a, b) => b.version - a.version);

  return (
    <Flex vertical gap={16} id="questionnaire-editor">
      <Flex align="center" gap={12} wrap justify="space-between">
        <Flex align="center" gap={12} wrap>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate('/questionnaires')}>
            返回问卷列表
          </Button>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {state.title.trim() || (id ? '未命名问卷' : '新建问卷')}
          </Typography.Title>
          {detail?.primary && <Tag color="magenta">会员测试</Tag>}
          {detail?.published && <Tag color="green">已发布第 {detail.published.version} 版</Tag>}
          {draft && <Tag color="blue">草稿第 {draft.version} 版</Tag>}
          {dirty && <Tag color="orange">未保存</Tag>}
        </Flex>
        {canEdit && (
          <Space wrap>
            <Button id="questionnaire-save" icon={<SaveOutlined />} loading={save.isPending} onClick={onSave}>
              保存草稿
            </Button>
            <Tooltip title={id ? publishBlocker : '请先保存草稿'}>
              <Button
                id="questionnaire-publish"
                type="primary"
                icon={<CheckCircleOutlined />}
                disabled={!id || publishBlocker !== null}
                loading={publish.isPending}
                onClick={onPublish}
              >
                发布
              </Button>
            </Tooltip>
            <Tooltip title={detail?.published ? (detail.primary ? '已是会员测试' : null) : '发布后才能设为会员测试'}>
              <Button
                id="questionnaire-primary"
                icon={<StarOutlined />}
                disabled={!detail?.published || detail.primary}
                loading={primary.isPending}
                onClick={() => primary.mutate()}
              >
                设为会员测试
              </Button>
            </Tooltip>
          </Space>
        )}
      </Flex>

      {!canEdit && <Alert type="info" showIcon title="您可以查看问卷；编辑与发布由市场或管理员操作。" />}
      {actionError && (
        <Alert
          id="questionnaire-error"
          type="error"
          showIcon
          title={actionError.message}
          description={actionProblems.length > 0 ? <ProblemList lines={actionProblems} /> : undefined}
          action={
            isApiError(actionError) && actionError.code === DRAFT_CHANGED ? (
              <Button size="small" onClick={onReload}>
                重新加载
              </Button>
            ) : undefined
          }
        />
      )}
      {problemLines.length > 0 && (
        <Alert
          id="questionnaire-problems"
          type="warning"
          showIcon
          title={`草稿还有 ${problemLines.length} 个问题，处理后才能发布`}
          description={<ProblemList lines={problemLines} />}
        />
      )}

      <ConfigProvider componentDisabled={!canEdit}>
        <Card title="基本信息">
          <Form layout="vertical" component="div">
            <Form.Item label="问卷标题" required validateStatus={titleError ? 'error' : undefined} help={titleError ?? undefined}>
              <Input
                id="questionnaire-title"
                maxLength={40}
                showCount
                placeholder="如 肌肤状况自测"
                value={state.title}
                onChange={(event) => {
                  edit({ title: event.target.value });
                  if (event.target.value.trim()) setTitleError(null);
                }}
              />
            </Form.Item>
            <Form.Item label="说明" style={{ marginBottom: 0 }}>
              <Input.TextArea
                id="questionnaire-description"
                maxLength={200}
                showCount
                rows={3}
                placeholder="显示在测试开始页"
                value={state.description}
                onChange={(event) => edit({ description: event.target.value })}
              />
            </Form.Item>
          </Form>
        </Card>

        <Card title={`题目（${state.questions.length}）`} id="questionnaire-questions">
          <Flex vertical gap={12}>
            {state.questions.length === 0 && <Empty description="还没有题目" />}
            {state.questions.map((question, index) => (
              <QuestionEditor
                key={question.key}
                question={question}
                index={index}
                count={state.questions.length}
                editable={canEdit}
                onChange={(changed) => setQuestions((questions) => questions.map((q, i) => (i === index ? changed : q)))}
                onMove={(delta) => setQuestions((questions) => move(questions, index, delta))}
                onRemove={() => setQuestions((questions) => questions.filter((_, i) => i !== index))}
              />
            ))}
            {canEdit && (
              <Button
                id="question-add"
                type="dashed"
                icon={<PlusOutlined />}
                disabled={state.questions.length >= MAX_QUESTIONS}
                onClick={() => setQuestions((questions) => [...questions, newQuestion(questions)])}
              >
                添加题目
              </Button>
            )}
          </Flex>
        </Card>
      </ConfigProvider>

      {detail && (
        <Card title="版本记录">
          <Table<QuestionnaireVersionInfo>
            id="questionnaire-versions"
            rowKey="version"
            size="small"
            columns={versionColumns}
            dataSource={versions}
            pagination={false}
          />
        </Card>
      )}
      <Card title={detail?.published ? `已发布版本预览（第 ${detail.published.version} 版）` : '已发布版本预览'} id="questionnaire-preview">
        {detail?.published ? <QuestionnairePreview definition={detail.published.definition} /> : <Empty description="尚未发布" />}
      </Card>
    </Flex>
  );
}

export function QuestionnaireEditorPage() {
  const { id } = useParams();
  const canEdit = useCan('questionnaire:edit');
  // Bumped by "重新加载" so the editor starts again from what the API holds now.
  const [generation, setGeneration] = useState(0);
  const { data, error, isPending, refetch } = useQuery({
    queryKey: questionnaireKeys.detail(id ?? ''),
    queryFn: ({ signal }) => getQuestionnaire(id ?? '', signal),
    enabled: id !== undefined,
  });

  if (id === undefined) {
    if (!canEdit) return <Result status="403" title="没有权限新建问卷" subTitle="问卷由市场或管理员维护" />;
    return <QuestionnaireEditor key="new" id={undefined} detail={null} canEdit onReload={() => undefined} />;
  }
  if (error) {
    const status = isApiError(error) && error.status === 404 ? '404' : 'error';
    return <Result status={status} title="无法打开该问卷" subTitle={error.message} />;
  }
  if (isPending) return <PageSpinner />;

  const reload = async () => {
    await refetch();
    setGeneration((current) => current + 1);
  };
  return <QuestionnaireEditor key={`${id}-${generation}`} id={id} detail={data} canEdit={canEdit} onReload={() => void reload()} />;
}
