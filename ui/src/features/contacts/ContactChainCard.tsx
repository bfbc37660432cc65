import { Alert, Card, Flex, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorState, LoadingState } from '../../components/QueryStates';
import { centerNameOf, ContactGraph } from './ContactGraph';
import { PersonPicker } from './PersonPicker';
import { useContactChain } from './queries';

export type ChosenPerson = { id: string; name: string };

/** 密接关系图: choose a person, see their contact chain both ways as a diagram. */
export function ContactChainCard({
  person,
  onPerson,
}: {
  person: ChosenPerson | null;
  onPerson: (person: ChosenPerson | null) => void;
}) {
  const { t } = useTranslation();
  const chain = useContactChain(person?.id ?? null);
  const g = 'contacts.graph';

  let body;
  if (!person) body = <Alert type="info" showIcon message={t(`${g}.hint`)} />;
  else if (chain.isPending) body = <LoadingState rows={3} />;
  else if (chain.isError)
    body = (
      <ErrorState
        title={t(`${g}.loadFailed`)}
        error={chain.error}
        onRetry={() => void chain.refetch()}
        retrying={chain.isFetching}
      />
    );
  else {
    const data = chain.data;
    const name = centerNameOf(data) ?? person.name;
    const empty = data.upstream.length === 0 && data.downstream.length === 0;
    body = (
      <Flex vertical gap={8}>
        <Typography.Text type="secondary" data-testid="chain-counts">
          {t(`${g}.counts`, { up: data.upstream.length, down: data.downstream.length })}
        </Typography.Text>
        {empty && <Alert type="info" showIcon message={t(`${g}.empty`, { name })} />}
        <ContactGraph
          chain={data}
          centerName={name}
          onSelect={(id) => {
            const link = [...data.upstream, ...data.downstream].find(
              (l) => l.personId === id || l.indexPersonId === id,
            );
            const other = link?.personId === id ? link.personName : link?.indexPersonName;
            onPerson({ id, name: other ?? id });
          }}
        />
        {!empty && (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(`${g}.legend`)}
          </Typography.Text>
        )}
      </Flex>
    );
  }

  return (
    <Card
      size="small"
      title={t(`${g}.title`)}
      data-testid="contact-chain"
      extra={
        <Space>
          <PersonPicker
            data-testid="chain-person"
            value={person?.id}
            label={person?.name}
            width={280}
            onChange={(id, hit) => onPerson(id ? { id, name: hit?.name ?? id } : null)}
          />
        </Space>
      }
    >
      {body}
    </Card>
  );
}
