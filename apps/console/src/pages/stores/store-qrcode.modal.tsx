import { DownloadOutlined } from '@ant-design/icons';
import type { StoreSummary } from '@glow/contracts';
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Flex, Modal, Spin, Typography } from 'antd';
import { getStoreQrCode, storeKeys } from '../../api/store.service';
import { useObjectUrl } from '../../shared/use-object-url';

export interface StoreQrCodeModalProps {
  store: StoreSummary | null;
  onClose: () => void;
}

export function StoreQrCodeModal({ store, onClose }: StoreQrCodeModalProps) {
  const storeId = store?.id ?? '';
  const { data: image, error, isFetching } = useQuery({
    queryKey: storeKeys.qrCode(storeId),
    queryFn: ({ signal }) => getStoreQrCode(storeId, signal),
    enabled: store !== null,
    // A store's code never changes; keep it for the session instead of asking WeChat again.
    staleTime: Infinity,
  });
  const imageUrl = useObjectUrl(store ? image : undefined);

  return (
    <Modal
      open={store !== null}
      title={store ? `${store.name} · 小程序码` : ''}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        imageUrl && store ? (
          <Button key="download" icon={<DownloadOutlined />} href={imageUrl} download={`${store.code}-小程序码.png`}>
            下载
          </Button>
        ) : null,
        <Button key="close" type="primary" onClick={onClose}>
          关闭
        </Button>,
      ]}
    >
      <Flex vertical align="center" gap={12} style={{ minHeight: 300, justifyContent: 'center' }}>
        {error && <Alert type="error" showIcon title={error.message} />}
        {!error && isFetching && <Spin description="正在生成小程序码…" />}
        {!error && !isFetching && imageUrl && store && (
          <>
            <img id="store-qrcode" src={imageUrl} alt={`${store.name}小程序码`} width={280} height={280} />
            <Typography.Text type="secondary">顾客扫码进入小程序并入会，将归属到本门店</Typography.Text>
          </>
        )}
      </Flex>
    </Modal>
  );
}
