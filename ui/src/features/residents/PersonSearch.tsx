import { SearchOutlined } from '@ant-design/icons';
import { AutoComplete, Flex, Input, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../api/errors';
import { MATCH_COLORS } from './labels';
import { useSearchPeople } from './queries';
import { useDebounced } from './useDebounced';

const DEBOUNCE_MS = 200;

/** Find anyone by name, pinyin, ID number, phone or address, as you type. */
export function PersonSearch({ onOpen }: { onOpen: (personId: string) => void }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useSearchPeople(query);
  const hits = query ? (search.data ?? []) : [];

  const options = hits.map((hit) => ({
    value: hit.personId,
    label: (
      <Flex gap={8} align="center" data-testid="search-hit">
        <Typography.Text strong>{hit.name}</Typography.Text>
        <Typography.Text type="secondary">{hit.idNumber}</Typography.Text>
        <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
          {hit.address}
        </Typography.Text>
        <Tag color={MATCH_COLORS[hit.matched]}>{t(`residents.match.${hit.matched}`)}</Tag>
      </Flex>
    ),
  }));

  let notFound: string | undefined;
  if (query && search.isError)
    notFound = t('residents.search.failed', { error: errorText(t, search.error) });
  else if (query && search.isFetching && hits.length === 0)
    notFound = t('residents.search.searching');
  else if (query && search.isSuccess && hits.length === 0) notFound = t('residents.search.none');

  return (
    <AutoComplete
      value={text}
      options={options}
      onSearch={setText}
      onSelect={(personId: string) => {
        setText('');
        onOpen(personId);
      }}
      notFoundContent={notFound}
      filterOption={false}
      virtual={false}
      style={{ width: '100%', maxWidth: 560 }}
    >
      <Input
        data-testid="person-search"
        prefix={<SearchOutlined />}
        placeholder={t('residents.search.placeholder')}
        allowClear
      />
    </AutoComplete>
  );
}
