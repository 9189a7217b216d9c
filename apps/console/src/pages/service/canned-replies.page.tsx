import { PlusOutlined } from '@ant-design/icons';
import type { CannedReplyDto, CannedReplyView } from '@glow/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Flex, Input, Modal, Popconfirm, Result, Segmented, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { useState, type HTMLAttributes } from 'react';
import { createCannedReply, deleteCannedReply, listCannedReplies, serviceKeys, updateCannedReply } from '../../api/service.service';
import { useCan } from '../../auth/permissions';
import { useSession } from '../../auth/use-session';
import { formatDateTime } from '../../shared/format';
import { CANNED_SCOPE_OPTIONS, filterCannedReplies, type CannedScope } from './chat-pickers';

/** Mirrors CannedReplyDto's limits. */
const TITLE_MAX = 30;
const BODY_MAX = 1000;

/** Who may change a reply: its owner, and for shared ones whoever keeps shared replies. */
export function canEditReply(reply: CannedReplyView, staffId: string, canShared: boolean): boolean {
  return reply.shared ? canShared : reply.ownerId === staffId;
}

function ReplyModal({ reply, canShared, onClose }: { reply: CannedReplyView | null; canShared: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(reply?.title ?? '');
  const [body, setBody] = useState(reply?.body ?? '');
  // Personal unless a store manager or an admin shares it; advisors' are always their own.
  const [shared, setShared] = useState(reply?.shared ?? false);
  const [problem, setProblem] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: (dto: CannedReplyDto) => (reply ? updateCannedReply(reply.id, dto) : createCannedReply(dto)),
    onSuccess: async () => {
      message.success(reply ? '已保存快捷回复' : '已新增快捷回复');
      onClose();
      await queryClient.invalidateQueries({ queryKey: serviceKeys.cannedReplies });
    },
  });
  const submit = () => {
    const found = title.trim() === '' ? '请填写标题' : body.trim() === '' ? '请填写回复内容' : null;
    setProblem(found);
    if (!found) save.mutate({ title: title.trim(), body: body.trim(), shared: canShared ? shared : false });
  };
  return (
    <Modal
      open
      title={reply ? '编辑快捷回复' : '新增快捷回复'}
      okText="保存"
      cancelText="取消"
      okButtonProps={{ id: 'canned-submit', loading: save.isPending }}
      onOk={submit}
      onCancel={onClose}
    >
      <Flex vertical gap={12} id="canned-form">
        <Input id="canned-title" placeholder="标题，如：欢迎语" maxLength={TITLE_MAX} showCount value={title} onChange={(event) => setTitle(event.target.value)} />
        <Input.TextArea id="canned-body" rows={4} placeholder="回复内容" maxLength={BODY_MAX} showCount value={body} onChange={(event) => setBody(event.target.value)} />
        {canShared && (
          <Checkbox id="canned-shared" checked={shared} disabled={reply !== null} onChange={(event) => setShared(event.target.checked)}>
            共享给所有顾问
          </Checkbox>
        )}
        {problem && <Alert type="warning" showIcon title={problem} />}
        {save.error && <Alert id="canned-error" type="error" showIcon title={save.error.message} />}
      </Flex>
    </Modal>
  );
}

/** Canned replies: the shared ones (kept by store managers and admins) and everyone's own. */
export function CannedRepliesPage() {
  const allowed = useCan('service:canned');
  const canShared = useCan('service:canned-shared');
  const session = useSession();
  const staffId = session?.staff.id ?? '';
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [scope, setScope] = useState<CannedScope>('all');
  const [query, setQuery] = useState('');
  const [editing, setEditing] = useState<{ reply: CannedReplyView | null } | null>(null);
  const { data, error, isPending } = useQuery({ queryKey: serviceKeys.cannedReplies, queryFn: ({ signal }) => listCannedReplies(signal), enabled: allowed });
  const remove = useMutation({
    mutationFn: (reply: CannedReplyView) => deleteCannedReply(reply.id),
    onSuccess: async () => {
      message.success('已删除');
      await queryClient.invalidateQueries({ queryKey: serviceKeys.cannedReplies });
    },
    onError: (failure) => message.error(failure.message),
  });

  if (!allowed) return <Result status="403" title="没有权限管理快捷回复" />;

  const columns: TableColumnsType<CannedReplyView> = [
    { title: '标题', dataIndex: 'title', key: 'title', width: 160 },
    { title: '内容', dataIndex: 'body', key: 'body', render: (body: string) => <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{body}</Typography.Text> },
    {
      title: '范围',
      key: 'scope',
      width: 80,
      render: (_, reply) => (
        <Tag className="canned-scope" color={reply.shared ? 'blue' : 'magenta'}>
          {reply.shared ? '共享' : '我的'}
        </Tag>
      ),
    },
    { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 140, render: (at: string) => formatDateTime(at) },
    {
      title: '操作',
      key: 'actions',
      width: 120,
      render: (_, reply) =>
        canEditReply(reply, staffId, canShared) && (
          <Flex gap={0}>
            <Button type="link" size="small" className="canned-edit" onClick={() => setEditing({ reply })}>
              编辑
            </Button>
            <Popconfirm title={`删除「${reply.title}」？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={() => remove.mutate(reply)}>
              <Button type="link" size="small" danger className="canned-delete">
                删除
              </Button>
            </Popconfirm>
          </Flex>
        ),
    },
  ];

  return (
    <Card
      id="canned-replies"
      title="快捷回复"
      extra={
        <Button id="canned-new" type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ reply: null })}>
          新增快捷回复
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={12} wrap>
          <Segmented<CannedScope> id="canned-scope" value={scope} onChange={setScope} options={CANNED_SCOPE_OPTIONS} />
          <Input.Search id="canned-query" allowClear placeholder="搜索标题或内容" value={query} onChange={(event) => setQuery(event.target.value)} style={{ width: 240 }} />
        </Flex>
        {error && <Alert type="error" showIcon title={error.message} />}
        <Table<CannedReplyView>
          id="canned-table"
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={filterCannedReplies(data ?? [], scope, query)}
          loading={isPending}
          onRow={(reply) => ({ 'data-canned-id': reply.id }) as HTMLAttributes<HTMLElement>}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: '还没有快捷回复' }}
        />
      </Flex>
      {editing && <ReplyModal reply={editing.reply} canShared={canShared} onClose={() => setEditing(null)} />}
    </Card>
  );
}
