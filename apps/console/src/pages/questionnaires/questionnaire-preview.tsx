import type { QuestionnaireDefinition } from '@glow/domain';
import { Checkbox, Empty, Flex, Input, Radio, Tag, Typography } from 'antd';
import { QUESTION_KIND_LABELS } from '../../shared/labels';
import { describeScores } from './questionnaire-draft';

/** A published version as members see it, with each option's scores for staff; nothing here can be changed. */
export function QuestionnairePreview({ definition }: { definition: QuestionnaireDefinition }) {
  if (definition.questions.length === 0) return <Empty description="该版本没有题目" />;
  return (
    <Flex vertical gap={20} className="questionnaire-preview">
      {definition.questions.map((question, index) => (
        <Flex vertical gap={6} key={question.key}>
          <Flex gap={8} align="center" wrap>
            <Typography.Text strong>
              {index + 1}. {question.title}
            </Typography.Text>
            <Tag>{QUESTION_KIND_LABELS[question.kind]}</Tag>
            {question.required ? <Tag color="red">必答</Tag> : <Tag>选答</Tag>}
            {question.kind === 'multiple' && question.maxChoices ? <Tag>最多选 {question.maxChoices} 项</Tag> : null}
          </Flex>
          {question.hint && <Typography.Text type="secondary">{question.hint}</Typography.Text>}
          {question.kind === 'single' && (
            <Radio.Group disabled>
              <Flex vertical gap={4}>
                {(question.options ?? []).map((option) => (
                  <Radio key={option.key} value={option.key}>
                    {option.label} <Typography.Text type="secondary">{describeScores(option.scores)}</Typography.Text>
                  </Radio>
                ))}
              </Flex>
            </Radio.Group>
          )}
          {question.kind === 'multiple' && (
            <Flex vertical gap={4}>
              {(question.options ?? []).map((option) => (
                <Checkbox key={option.key} disabled>
                  {option.label} <Typography.Text type="secondary">{describeScores(option.scores)}</Typography.Text>
                </Checkbox>
              ))}
            </Flex>
          )}
          {question.kind === 'scale' && question.scale && (
            <Flex vertical gap={2}>
              <Typography.Text>
                {question.scale.min}（{question.scale.minLabel || '最低'}）— {question.scale.max}（{question.scale.maxLabel || '最高'}）
              </Typography.Text>
              <Typography.Text type="secondary">满分计入：{describeScores(question.scale.scores) || '不计分'}</Typography.Text>
            </Flex>
          )}
          {question.kind === 'text' && <Input.TextArea disabled placeholder="会员在此填写" rows={2} />}
        </Flex>
      ))}
    </Flex>
  );
}
