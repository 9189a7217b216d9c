// Stand-ins for the NutUI components the app uses, keeping NutUI's prop contracts:
// Input.onChange(value), Checkbox.onChange(checked), RadioGroup.onChange(value), Button ignores clicks when
// disabled or loading. The real components are exercised by the H5 browser tests.
const React = require('react');

const Button = ({ children, disabled, loading, onClick, id, className, openType, onGetPhoneNumber }) =>
  React.createElement(
    'button',
    {
      id,
      className,
      type: 'button',
      disabled: Boolean(disabled || loading),
      'data-open-type': openType,
      onClick: (event) => {
        if (!disabled && !loading && onClick) onClick(event);
        if (openType === 'getPhoneNumber' && onGetPhoneNumber) onGetPhoneNumber(event);
      },
    },
    children,
  );

const Input = ({ id, value, placeholder, type, onChange, onBlur }) =>
  React.createElement('input', {
    id,
    value: value ?? '',
    placeholder,
    'data-type': type,
    onChange: (event) => onChange && onChange(event.target.value),
    onBlur: (event) => onBlur && onBlur(event.target.value),
  });

const Checkbox = ({ id, checked, disabled, onChange, children }) =>
  React.createElement(
    'label',
    { id },
    React.createElement('input', {
      type: 'checkbox',
      checked: Boolean(checked),
      disabled: Boolean(disabled),
      onChange: (event) => onChange && onChange(event.target.checked),
    }),
    children,
  );

const RadioContext = React.createContext({ value: undefined, onChange: () => undefined });

const RadioGroup = ({ id, value, onChange, children }) =>
  React.createElement(
    RadioContext.Provider,
    { value: { value, onChange: (next) => onChange && onChange(next) } },
    React.createElement('div', { id, role: 'radiogroup' }, children),
  );

const Radio = ({ value, children }) => {
  const group = React.useContext(RadioContext);
  return React.createElement(
    'label',
    null,
    React.createElement('input', { type: 'radio', checked: group.value === value, onChange: () => group.onChange(value) }),
    children,
  );
};

const Cell = ({ children, title, extra, onClick }) => React.createElement('div', { onClick }, title, children, extra);
const CellGroup = ({ children }) => React.createElement('div', null, children);

// Shows nothing unless open; confirming picks 1990-05-20.
const DatePicker = ({ visible, onConfirm, onClose }) =>
  visible
    ? React.createElement(
        'button',
        {
          type: 'button',
          'data-testid': 'date-picker-confirm',
          onClick: () => {
            onConfirm([], ['1990', '05', '20']);
            onClose();
          },
        },
        '确定',
      )
    : null;

// Shows its title, content and footer while visible, as the real one does.
const Dialog = ({ id, visible, title, children, footer }) =>
  visible ? React.createElement('div', { id, role: 'dialog' }, React.createElement('div', null, title), children, footer) : null;

module.exports = { __esModule: true, Button, Input, Checkbox, Radio, RadioGroup, Cell, CellGroup, DatePicker, Dialog };
