import { Result } from 'antd';
import { LinkButton } from '../components/LinkButton';

export default function NotFoundPage() {
  return (
    <Result
      status="404"
      title="Không tìm thấy trang"
      extra={
        <LinkButton type="primary" to="/">
          Về trang chính
        </LinkButton>
      }
    />
  );
}
