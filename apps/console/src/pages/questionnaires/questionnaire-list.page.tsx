import { PlusOutlined } from '@ant-design/icons';
import type { QuestionnaireSummary } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Flex, Table, Tag, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { listQuestionnaires, questionnaireKeys } from '../../api/questionnaire.service';
import { useCan } from '../../auth/permissions';
import { EMPTY, formatDateTime } from '../../shared/format';

const columns: TableColumnsType<QuestionnaireSummary> = [
  {
    title: '标题',
    key: 'title',
    render: (_, questionnaire) => (
      <Flex gap={8} align="center">
        <Link to={`/questionnaires/${questionnaire.id}`} onClick={(event) => event.stopPropagation()}>
          {questionnaire.title}
        </Link>
        {questionnaire.primary && <Tag color="magenta">主测试</Tag>}
      </Flex>
    ),
  },
  {
    title: '已发布版本',
    dataIndex: 'publishedVersion',
    key: 'publishedVersion',
    width: 120,
    render: (version: number | null) => (version === null ? <Tag>未发布</Tag> : `第 ${version} 版`),
  },
  { title: '草稿', dataIndex: 'hasDraft', key: 'hasDraft', width: 100, render: (hasDraft: boolean) => (hasDraft ? <Tag color="blue">有草稿</Tag> : EMPTY) },
  { title: '作答数', dataIndex: 'responses', key: 'responses', width: 100, align: 'right' },
  { title: '更新时间', dataIndex: 'updatedAt', key: 'updatedAt', width: 160, render: (at: string) => formatDateTime(at) },
];

export function QuestionnaireListPage() {
  const navigate = useNavigate();
  const canEdit = useCan('questionnaire:edit');
  const { data, error, isFetching } = useQuery({ queryKey: questionnaireKeys.list, queryFn: ({ signal }) => listQuestionnaires(signal) });

  return (
    <Card
      title="肤质问卷"
      extra={
        canEdit && (
          <Button id="questionnaire-create" type="primary" icon={<PlusOutlined />} onClick={() => navigate('/questionnaires/new')}>
            新建问卷
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title="标记为「主测试」的问卷是会员在小程序中进行的肤质测试；发布后的版本不可修改，修改会生成新的草稿版本。" />
        {error && <Alert type="error" showIcon title={error.message} />}
        <Table<QuestionnaireSummary>
          id="questionnaire-table"
          rowKey="id"
          columns={columns}
          dataSource={data ?? []}
          loading={isFetching}
          pagination={false}
          onRow={(questionnaire) => ({ onClick: () => navigate(`/questionnaires/${questionnaire.id}`), style: { cursor: 'pointer' } })}
        />
      </Flex>
    </Card>
  );
}
