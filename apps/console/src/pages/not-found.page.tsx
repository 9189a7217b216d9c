import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { HOME_PATH } from '../auth/require-auth';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在或已被移除"
      extra={
        <Link to={HOME_PATH}>
          <Button type="primary">返回概览</Button>
        </Link>
      }
    />
  );
}
