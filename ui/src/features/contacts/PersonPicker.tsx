import { Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonHit } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { useSearchPeople } from '../residents/queries';
import { useDebounced } from '../residents/useDebounced';

const DEBOUNCE_MS = 200;

type Option = { value: string; label: string; hit?: PersonHit };

/**
 * A person chosen by typing (name, pinyin, ID number, phone or address, as 居民台账's
 * search). Works as a Form.Item control whose value is the person's id; `label` names a
 * person chosen elsewhere.
 */
export function PersonPicker({
  value,
  onChange,
  label,
  placeholder,
  width = '100%',
  'data-testid': testId,
}: {
  value?: string;
  onChange?: (personId: string | undefined, hit?: PersonHit) => void;
  label?: string;
  placeholder?: string;
  width?: number | string;
  'data-testid'?: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [chosen, setChosen] = useState<PersonHit | null>(null);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useSearchPeople(query);
  const hits = query ? (search.data ?? []) : [];
  const options: Option[] = hits.map((hit) => ({ value: hit.personId, label: hit.name, hit }));
  if (value && !options.some((o) => o.value === value)) {
    const name = chosen?.personId === value ? chosen.name : (label ?? value);
    options.unshift({ value, label: name });
  }

  let notFound: string | undefined;
  if (query && search.isError)
    notFound = t('residents.search.failed', { error: errorText(t, search.error) });
  else if (query && search.isFetching && hits.length === 0)
    notFound = t('residents.search.searching');
  else if (query && search.isSuccess && hits.length === 0) notFound = t('residents.search.none');
  else if (!query) notFound = t('contacts.picker.typeToSearch');

  return (
    <Select<string, Option>
      data-testid={testId}
      showSearch
      allowClear
      value={value}
      searchValue={text}
      onSearch={setText}
      filterOption={false}
      options={options}
      placeholder={placeholder ?? t('contacts.picker.placeholder')}
      notFoundContent={notFound}
      onChange={(id, option) => {
        const hit = Array.isArray(option) ? undefined : option?.hit;
        setChosen(hit ?? null);
        setText('');
        onChange?.(id ?? undefined, hit);
      }}
      optionRender={(o) =>
        o.data.hit ? (
          <Flex gap={8} align="center" data-testid="person-option">
            <Typography.Text strong>{o.data.hit.name}</Typography.Text>
            <Typography.Text type="secondary">{o.data.hit.idNumber}</Typography.Text>
            <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
              {o.data.hit.address}
            </Typography.Text>
          </Flex>
        ) : (
          o.label
        )
      }
      style={{ width }}
    />
  );
}
