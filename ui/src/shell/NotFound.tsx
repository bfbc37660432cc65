import { Button, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';

/** Any route that does not exist, including modules that are not enabled. */
export function NotFound() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.subTitle')}
      data-testid="not-found"
      extra={
        <Button type="primary" onClick={() => navigate('/')} data-testid="back-home">
          {t('common.backHome')}
        </Button>
      }
    />
  );
}
