import type { OptionScores } from '@glow/domain';
import { fireEvent, render, waitFor } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { useState } from 'react';
import { element } from '../../test/console-test-kit';
import { ScoresEditor } from './scores-editor';

function Harness({ initial, onChange }: { initial: OptionScores; onChange: (scores: OptionScores) => void }) {
  const [scores, setScores] = useState(initial);
  return (
    <ScoresEditor
      idPrefix="q1-a"
      value={scores}
      onChange={(next) => {
        setScores(next);
        onChange(next);
      }}
    />
  );
}

describe(ScoresEditor.name, () => {
  it('edits type, concern and sensitivity weights and the allergens, keeping the other scores', async () => {
    const onChange = jest.fn<void, [OptionScores]>();
    render(
      <ConfigProvider>
        <Harness initial={{ types: { dry: 1 } }} onChange={onChange} />
      </ConfigProvider>,
    );

    expect(element<HTMLInputElement>(document.body, '#q1-a-type-dry').value).toBe('1');
    fireEvent.change(element(document.body, '#q1-a-concern-redness'), { target: { value: '2' } });
    fireEvent.change(element(document.body, '#q1-a-sensitivity'), { target: { value: '3' } });
    fireEvent.mouseDown(element(document.body, '#q1-a-scores .ant-select'));
    fireEvent.click(await waitFor(() => element(document.body, '.ant-select-item-option[title="酒精"]')));

    expect(onChange).toHaveBeenLastCalledWith({ types: { dry: 1 }, concerns: { redness: 2 }, sensitivity: 3, allergens: ['alcohol'] });
    expect(Array.from(document.querySelectorAll('#q1-a-scores .ant-select-selection-item')).map((item) => item.textContent)).toEqual(['酒精']);
  });

  it('offers weights from -5 to 5 only', () => {
    render(<Harness initial={{}} onChange={() => undefined} />);

    const dry = element<HTMLInputElement>(document.body, '#q1-a-type-dry');
    expect(dry.getAttribute('aria-valuemin')).toBe('-5');
    expect(dry.getAttribute('aria-valuemax')).toBe('5');
  });
});
