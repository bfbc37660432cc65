import { configure, screen, waitFor, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Enterprise, EnterpriseVisit, WorkCertificate } from '../../api/bindings';
import { arrivalsBackend } from '../../test/arrivals';
import { appInfo } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { calls } from '../../test/residents';

// antd's tables, selects and modals render slowly in jsdom.
beforeAll(() => configure({ asyncUtilTimeout: 15_000 }));

const mine: Enterprise = {
  id: 'e1',
  name: '龙泉煤矿',
  kind: 'coal_mine',
  address: null,
  contactName: '刘矿长',
  contactPhone: '13905540199',
  workforce: 320,
  gridId: null,
  gridName: null,
  note: null,
  visits: 1,
  lastVisitedOn: '2020-02-20',
  lastVisitComplete: false,
  openDifficulties: 1,
};

const draft: EnterpriseVisit = {
  id: 'v1',
  enterpriseId: 'e1',
  enterpriseName: '龙泉煤矿',
  visitedOn: '2020-02-20',
  workerId: null,
  workerName: null,
  checklist: [
    { item: 'mechanism', answer: 'yes' },
    { item: 'screening', answer: 'yes' },
    { item: 'supplies', answer: 'no' },
    { item: 'disinfection', answer: 'yes' },
    { item: 'safety' },
  ],
  staffReturned: 200,
  staffOnSite: 180,
  staffFromRiskAreas: 3,
  note: null,
  complete: false,
  missing: ['supplies', 'safety'],
};

const certificate: WorkCertificate = {
  id: 'c1',
  number: '2020-0001',
  year: 2020,
  seq: 1,
  personId: 'p1',
  personName: '张三',
  idNumberMasked: '340403********0017',
  phoneMasked: '138****1234',
  destination: '江苏省苏州市',
  employer: '苏州某电子厂',
  leavingOn: null,
  healthDeclaration: '……',
  issuedBy: null,
  issuedByName: null,
  issuedOn: '2020-02-21',
  voidedOn: null,
  voidReason: null,
  note: null,
  callBacks: [],
};

function workBackend(handlers: Parameters<typeof arrivalsBackend>[0] = {}) {
  return arrivalsBackend({
    app_info: () => ({
      ...appInfo,
      statisticalDate: '2020-02-25',
      modules: ['home', 'residents', 'workResumption', 'settings'],
    }),
    list_enterprises: () => [mine],
    list_enterprise_visits: () => [draft],
    list_difficulties: () => [],
    list_work_certificates: () => ({ rows: [certificate], total: 1 }),
    certificate_call_backs_due: () => [certificate],
    ...handlers,
  });
}

describe('WorkPage', { timeout: 120_000 }, () => {
  it('lists enterprises with an incomplete last visit and open difficulties', async () => {
    workBackend();
    const { user } = renderApp('/');
    await user.click(await screen.findByText('复工复产'));
    const rows = await within(await screen.findByTestId('enterprise-table')).findAllByTestId(
      'enterprise-row',
    );
    expect(rows[0]).toHaveTextContent('龙泉煤矿');
    expect(rows[0]).toHaveTextContent('煤矿');
    expect(rows[0]).toHaveTextContent('未填完整');
  });

  it('completes a draft: a final save the core refuses shows what is missing', async () => {
    const log = workBackend({
      update_enterprise_visit: ({ input }) => {
        if (!input.visit.draft) {
          throw {
            code: 'invalidInput',
            message: 'incomplete',
            detailZh: '“五到位”未填完整：设施物资到位、安全生产到位',
          };
        }
        return draft;
      },
    });
    const { user } = renderApp('/work-resumption');
    await user.click(await screen.findByTestId('work-tab-visits'));
    const row = (await screen.findAllByTestId('visit-row'))[0];
    expect(row).toHaveTextContent('设施物资到位·否');
    expect(row).toHaveTextContent('安全生产到位·未填');
    await user.click(within(row).getByTestId('visit-edit'));
    await user.click(await screen.findByTestId('visit-submit'));
    expect(await screen.findByTestId('visit-error')).toHaveTextContent(
      '设施物资到位、安全生产到位',
    );
    const sent = calls(log, 'update_enterprise_visit')[0] as {
      input: { id: string; visit: { checklist: unknown[]; draft: boolean } };
    };
    expect(sent.input.id).toBe('v1');
    expect(sent.input.visit.draft).toBe(false);
    expect(sent.input.visit.checklist).toEqual([
      { item: 'mechanism', answer: 'yes' },
      { item: 'screening', answer: 'yes' },
      { item: 'supplies', answer: 'no' },
      { item: 'disinfection', answer: 'yes' },
      { item: 'safety' },
    ]);
    await user.click(screen.getByTestId('visit-draft'));
    await waitFor(() => expect(calls(log, 'update_enterprise_visit')).toHaveLength(2));
  });

  it('lists certificates by number and the call-back list', async () => {
    const log = workBackend();
    const { user } = renderApp('/work-resumption');
    await user.click(await screen.findByTestId('work-tab-certificates'));
    const row = (await screen.findAllByTestId('certificate-row'))[0];
    expect(row).toHaveTextContent('2020-0001');
    expect(row).toHaveTextContent('340403********0017');
    expect(row).toHaveTextContent('有效');
    expect(await screen.findByTestId('certificates-due')).toHaveTextContent('待回访（1）');
    expect(calls(log, 'list_work_certificates')).toEqual([
      { input: { includeVoided: false, limit: 20, offset: 0 } },
    ]);
  });
  it('prints a certificate in one click into the exports folder and offers the folder', async () => {
    const path = '/data/exports/外出务工证明-2020-0001.xlsx';
    const log = workBackend({ save_work_certificate: () => path });
    const { user } = renderApp('/work-resumption');
    await user.click(await screen.findByTestId('work-tab-certificates'));
    const row = (await screen.findAllByTestId('certificate-row'))[0];
    await user.click(within(row).getByTestId('certificate-print'));
    const dialog = await screen.findByRole('dialog');
    expect(dialog).toHaveTextContent('打印证明 2020-0001');
    await user.click(within(dialog).getByTestId('print-submit'));
    const done = await within(dialog).findByTestId('print-done');
    expect(done).toHaveTextContent('证明 2020-0001 已生成');
    expect(within(done).getByTestId('print-done-path')).toHaveTextContent(path);
    expect(within(done).getByTestId('print-done-open')).toBeInTheDocument();
    expect(calls(log, 'save_work_certificate')).toEqual([{ input: { id: certificate.id } }]);
  });
});
