// Minimal DOM stand-ins for @tarojs/components: enough for pages to render and be clicked in jsdom.
const React = require('react');

const PLATFORM_ONLY = [
  'openType',
  'onGetPhoneNumber',
  'onChooseAvatar',
  'userSelect',
  'mode',
  'hoverStyle',
  'autoHeight',
  'fixed',
  'catchMove',
  'scrollX',
  'scrollY',
  'enhanced',
  'showScrollbar',
];

// Mini-program-only props are not DOM attributes; drop them so React does not warn.
const strip = (props) => {
  const rest = { ...props };
  for (const key of PLATFORM_ONLY) delete rest[key];
  return rest;
};

const View = (props) => React.createElement('div', strip(props));
const Text = (props) => React.createElement('span', strip(props));
const Image = ({ src, ...props }) => React.createElement('img', { src, ...strip(props) });
const ScrollView = (props) => React.createElement('div', strip(props));
// open-type and session-from only mean something inside WeChat; they are kept as data attributes for the specs.
const Button = ({ openType, sessionFrom, ...props }) =>
  React.createElement('button', { type: 'button', 'data-open-type': openType, 'data-session-from': sessionFrom, ...strip(props) });

// Taro's Textarea reports typing as onInput({ detail: { value } }).
const Textarea = ({ onInput, maxlength, ...props }) =>
  React.createElement('textarea', {
    ...strip(props),
    maxLength: maxlength,
    onChange: (event) => onInput && onInput({ detail: { value: event.target.value } }),
  });

module.exports = { __esModule: true, View, Text, Image, Button, Textarea, ScrollView };
