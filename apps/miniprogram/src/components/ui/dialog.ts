// NutUI's Dialog with its own stylesheet, apart from components/ui so that only the pages that confirm something
// (in the loyalty subpackage) carry it, not the main package.
import '@nutui/nutui-react-taro/dist/es/packages/dialog/style/css';

export { Dialog } from '@nutui/nutui-react-taro';
