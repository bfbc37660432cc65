import { useQueryClient } from '@tanstack/react-query';
import { Alert, Card, Flex, Input, Tag, Typography, type InputRef } from 'antd';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { GateCheckOutcome, PersonHit, Visitor } from '../../api/bindings';
import { errorText } from '../../api/errors';
import { call } from '../../api/rpc';
import { residentKeys, SEARCH_LIMIT, useSearchPeople } from '../residents/queries';
import { useDebounced } from '../residents/useDebounced';
import { normalizeTemperature, useAddGateCheck } from './queries';

const DEBOUNCE_MS = 150;

type Step = 'who' | 'temp' | 'visitor';

type VisitorForm = { name: string; phone: string; idNumber: string; reason: string };
const NO_VISITOR: VisitorForm = { name: '', phone: '', idNumber: '', reason: '' };
const VISITOR_FIELDS = ['name', 'phone', 'idNumber', 'reason'] as const;

type LastEntry = { name: string; temperature: string; outcome: GateCheckOutcome };

/** What the first input looks like it holds, for prefilling a visitor. */
function visitorFrom(text: string): VisitorForm {
  const s = text.trim();
  if (/^\d{17}[\dXx]$|^\d{15}$/.test(s)) return { ...NO_VISITOR, idNumber: s };
  if (/^\d{7,}$/.test(s)) return { ...NO_VISITOR, phone: s };
  if (/^\d+$/.test(s)) return NO_VISITOR;
  return { ...NO_VISITOR, name: s };
}

/**
 * 卡口登记: the entry form built for a gate, keyboard only. One input (ID number, phone tail,
 * name or pinyin) → candidates (↑↓, Enter; the last one is 按来访人员登记) → the temperature
 * → Enter saves, and the focus returns to the first input. A visitor is typed field by
 * field, Enter moving on. Esc goes back. The time is the moment of saving.
 */
export function GateEntry({ checkpointId }: { checkpointId: string }) {
  const { t } = useTranslation();
  const p = 'gate.entry';
  const [step, setStep] = useState<Step>('who');
  const [text, setText] = useState('');
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  const search = useSearchPeople(query);
  const settled = query === text.trim() && !search.isFetching;
  const hits: PersonHit[] = query && settled ? (search.data ?? []) : [];
  const [active, setActive] = useState(0);
  const [person, setPerson] = useState<PersonHit | null>(null);
  const [visitor, setVisitor] = useState<VisitorForm>(NO_VISITOR);
  const [temperature, setTemperature] = useState('');
  const [last, setLast] = useState<LastEntry | null>(null);
  const add = useAddGateCheck();
  const client = useQueryClient();

  const whoRef = useRef<InputRef>(null);
  const tempRef = useRef<InputRef>(null);
  const visitorRefs = useRef<Record<string, InputRef | null>>({});

  // Focus follows the step: the first input, the temperature, or the first empty visitor field.
  const visitorFocus = useRef<(typeof VISITOR_FIELDS)[number]>('name');
  useEffect(() => {
    if (step === 'who') whoRef.current?.focus();
    if (step === 'temp') tempRef.current?.focus();
    if (step === 'visitor') visitorRefs.current[visitorFocus.current]?.focus();
  }, [step]);

  const choose = (index: number, among: PersonHit[]) => {
    const hit = among[index];
    add.reset();
    if (hit) {
      setPerson(hit);
      setStep('temp');
    } else {
      const prefill = visitorFrom(text);
      visitorFocus.current = VISITOR_FIELDS.find((f) => f !== 'reason' && !prefill[f]) ?? 'reason';
      setPerson(null);
      setVisitor(prefill);
      setStep('visitor');
    }
  };

  // Enter pressed before the search answered: ask for the answer and act on it.
  const chooseWhenFound = async () => {
    const q = text.trim();
    try {
      const found = await client.fetchQuery({
        queryKey: residentKeys.search(q),
        queryFn: () =>
          call('search_people', { input: { query: q, limit: SEARCH_LIMIT, offset: 0 } }),
      });
      choose(Math.min(active, found.length), found);
    } catch {
      choose(0, []);
    }
  };

  const reset = () => {
    setText('');
    setPerson(null);
    setVisitor(NO_VISITOR);
    setTemperature('');
    setActive(0);
    setStep('who');
  };

  const save = () => {
    if (add.isPending || !temperature.trim()) return;
    const v: Visitor | null =
      step === 'visitor'
        ? {
            name: visitor.name,
            phone: visitor.phone || undefined,
            idNumber: visitor.idNumber || undefined,
            reason: visitor.reason || undefined,
          }
        : null;
    const typed = normalizeTemperature(temperature);
    add.mutate(
      {
        checkpointId,
        temperature: typed,
        ...(v ? { visitor: v } : { personId: person?.personId }),
      },
      {
        onSuccess: (outcome) => {
          setLast({ name: v?.name ?? person?.name ?? '', temperature: typed, outcome });
          reset();
        },
        onError: () => tempRef.current?.focus(),
      },
    );
  };

  const onWhoKey = (e: KeyboardEvent<HTMLInputElement>) => {
    const options = hits.length + 1;
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (a + 1) % options);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (a - 1 + options) % options);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!text.trim()) return;
      if (settled) choose(active, hits);
      else void chooseWhenFound();
    } else if (e.key === 'Escape') {
      setText('');
    }
  };

  const onTempKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      save();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setStep('who');
    }
  };

  const onVisitorKey = (field: (typeof VISITOR_FIELDS)[number]) => (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      const next = VISITOR_FIELDS[VISITOR_FIELDS.indexOf(field) + 1];
      if (next) visitorRefs.current[next]?.focus();
      else tempRef.current?.focus();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      setStep('who');
    }
  };

  const temperatureInput = (
    <Input
      ref={tempRef}
      value={temperature}
      onChange={(e) => setTemperature(e.target.value)}
      onKeyDown={onTempKey}
      placeholder={t(`${p}.temperaturePlaceholder`)}
      suffix="℃"
      inputMode="decimal"
      style={{ maxWidth: 200 }}
      data-testid="gate-temperature"
    />
  );

  return (
    <Card title={t(`${p}.title`)} size="small" data-testid="gate-entry">
      <Flex vertical gap={12}>
        {step === 'who' && (
          <>
            <Input
              ref={whoRef}
              autoFocus
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setActive(0);
              }}
              onKeyDown={onWhoKey}
              placeholder={t(`${p}.whoPlaceholder`)}
              data-testid="gate-who"
              autoComplete="off"
            />
            {text.trim() && (
              <div role="listbox" data-testid="gate-candidates">
                {!settled && (
                  <Typography.Text type="secondary">{t(`${p}.searching`)}</Typography.Text>
                )}
                {hits.map((hit, i) => (
                  <Candidate
                    key={hit.personId}
                    active={i === active}
                    onClick={() => choose(i, hits)}
                  >
                    <Typography.Text strong>{hit.name}</Typography.Text>
                    <Typography.Text type="secondary">{hit.idNumber}</Typography.Text>
                    <Typography.Text type="secondary">{hit.phone}</Typography.Text>
                    <Typography.Text type="secondary" ellipsis style={{ flex: 1 }}>
                      {hit.address}
                    </Typography.Text>
                  </Candidate>
                ))}
                {settled && (
                  <Candidate
                    active={active === hits.length}
                    onClick={() => choose(hits.length, hits)}
                    testId="gate-candidate-visitor"
                  >
                    <Typography.Text>
                      {hits.length === 0 ? t(`${p}.noneVisitor`) : t(`${p}.asVisitor`)}
                    </Typography.Text>
                  </Candidate>
                )}
              </div>
            )}
          </>
        )}
        {step === 'temp' && person && (
          <>
            <Flex gap={8} align="center" wrap data-testid="gate-picked">
              <Typography.Text strong>{person.name}</Typography.Text>
              <Typography.Text type="secondary">{person.idNumber}</Typography.Text>
              <Typography.Text type="secondary">{person.address}</Typography.Text>
            </Flex>
            {temperatureInput}
          </>
        )}
        {step === 'visitor' && (
          <Flex vertical gap={8} data-testid="gate-visitor">
            <Tag color="orange" style={{ alignSelf: 'flex-start' }}>
              {t(`${p}.visitor`)}
            </Tag>
            {VISITOR_FIELDS.map((f) => (
              <Input
                key={f}
                ref={(el) => {
                  visitorRefs.current[f] = el;
                }}
                prefix={
                  <Typography.Text type="secondary" style={{ width: 64 }}>
                    {t(`${p}.visitorFields.${f}`)}
                  </Typography.Text>
                }
                value={visitor[f]}
                onChange={(e) => setVisitor({ ...visitor, [f]: e.target.value })}
                onKeyDown={onVisitorKey(f)}
                data-testid={`gate-visitor-${f}`}
                autoComplete="off"
              />
            ))}
            {temperatureInput}
          </Flex>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t(`${p}.keys`)}
        </Typography.Text>
        {add.isError && (
          <Alert type="error" showIcon message={errorText(t, add.error)} data-testid="gate-error" />
        )}
        {last && <LastResult last={last} />}
      </Flex>
    </Card>
  );
}

function Candidate({
  active,
  onClick,
  children,
  testId = 'gate-candidate',
}: {
  active: boolean;
  onClick: () => void;
  children: React.ReactNode;
  testId?: string;
}) {
  return (
    <Flex
      role="option"
      aria-selected={active}
      gap={8}
      align="center"
      onMouseDown={(e) => {
        e.preventDefault();
        onClick();
      }}
      data-testid={testId}
      style={{
        padding: '4px 8px',
        cursor: 'pointer',
        borderRadius: 4,
        background: active ? 'rgba(22, 119, 255, 0.12)' : undefined,
      }}
    >
      {children}
    </Flex>
  );
}

function LastResult({ last }: { last: LastEntry }) {
  const { t } = useTranslation();
  const p = 'gate.entry';
  const args = { name: last.name, temperature: last.temperature };
  return last.outcome.admitted ? (
    <Alert
      type="success"
      showIcon
      message={t(`${p}.admitted`, args)}
      data-testid="gate-last-result"
      data-admitted="true"
    />
  ) : (
    <Alert
      type="error"
      showIcon
      message={t(`${p}.refused`, args)}
      description={t(`${p}.referred`)}
      data-testid="gate-last-result"
      data-admitted="false"
    />
  );
}
