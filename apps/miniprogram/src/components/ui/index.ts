// The NutUI components this app uses, each with only its own stylesheet: the full NutUI stylesheet would add
// about 230 KB of WXSS to the WeChat main package (limit 2 MB).
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/datepicker/style/css';
import '@nutui/icons-react-taro/dist/style_icon.css';

export { Button, Cell, CellGroup, Checkbox, DatePicker, Input, Radio, RadioGroup } from '@nutui/nutui-react-taro';
