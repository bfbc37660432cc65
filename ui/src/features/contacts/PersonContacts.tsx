import { List, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ContactLink } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useFormatDate } from '../../lib/useFormatDate';
import { useAppInfo } from '../../shell/queries';
import { useContactChain } from './queries';

/**
 * 密接关系 in the person drawer: whom the person was exposed to and who was exposed to
 * them, each link with its depth, compact. Shown only when the backend provides 密接管理.
 */
export function PersonContacts({ personId }: { personId: string }) {
  const info = useAppInfo();
  if (!info.data?.modules.includes('contacts')) return null;
  return <ChainLists personId={personId} />;
}

function ChainLists({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate('short');
  const chain = useContactChain(personId);
  const p = 'contacts.person';

  const links = (testId: string, title: string, rows: ContactLink[]) => (
    <List<ContactLink>
      size="small"
      bordered
      header={<Typography.Text strong>{title}</Typography.Text>}
      dataSource={rows}
      locale={{ emptyText: t(`${p}.none`) }}
      renderItem={(l) => (
        <List.Item data-testid={testId}>
          <span>
            {l.depth > 1 && <Tag>{t(`${p}.depth`, { n: l.depth })}</Tag>}
            {t(`${p}.link`, {
              person: l.personName,
              index: l.indexPersonName,
              exposure: t(`contacts.exposure.${l.exposure}`),
              date: formatDate(l.lastContactOn),
            })}
          </span>
        </List.Item>
      )}
    />
  );

  return (
    <div data-testid="person-contacts">
      <Typography.Title level={5}>{t(`${p}.title`)}</Typography.Title>
      {chain.isError ? (
        <Typography.Text type="danger">
          {t(`${p}.loadFailed`, { error: errorText(t, chain.error) })}
        </Typography.Text>
      ) : chain.isPending ? (
        <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
      ) : (
        <>
          {links('person-contact-up', t(`${p}.upstream`), chain.data.upstream)}
          <div style={{ height: 8 }} />
          {links('person-contact-down', t(`${p}.downstream`), chain.data.downstream)}
        </>
      )}
    </div>
  );
}
