import { SafetyCertificateTwoTone } from '@ant-design/icons';
import { Button, Descriptions, Flex, Modal, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** 关于: product name and versions. */
export function AboutModal({
  open,
  version,
  onClose,
}: {
  open: boolean;
  version: string | undefined;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      open={open}
      title={t('about.title')}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="about-close">
          {t('about.close')}
        </Button>
      }
      modalRender={(node) => <div data-testid="about-modal">{node}</div>}
    >
      <Flex align="center" gap={16} style={{ margin: '16px 0 24px' }}>
        <SafetyCertificateTwoTone style={{ fontSize: 48 }} />
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('app.name')} {t('app.nameEn')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('app.tagline')}</Typography.Text>
        </div>
      </Flex>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          {
            key: 'version',
            label: t('about.version'),
            children: <span data-testid="about-version">{version ?? t('common.unknown')}</span>,
          },
          { key: 'ui', label: t('about.uiVersion'), children: __UI_VERSION__ },
        ]}
      />
      <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
        {t('about.offline')}
      </Typography.Paragraph>
    </Modal>
  );
}
