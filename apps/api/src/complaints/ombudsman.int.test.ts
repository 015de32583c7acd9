// The ombudsman's side through GraphQL: which ombudsman, its determination with findings,
// orders and recommendations, and the landlord's compliance with each.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseworkSteps } from '../test/casework-operations.js';
import { startTestServer, type TestServer } from '../test/test-server.js';

const NOW = '2027-03-01T12:00:00Z';

let api: TestServer;
const { run, refused, log } = caseworkSteps(() => api.url);

beforeAll(async () => {
  api = await startTestServer({ now: NOW });
});

afterAll(async () => {
  await api?.stop();
});

describe("the ombudsman's side", () => {
  const DETERMINATION = {
    reference: '202614567',
    determinedOn: '2027-03-01',
    findings: ['MALADMINISTRATION', 'SERVICE_FAILURE'],
    summary: 'The landlord took eleven weeks to fit the fan it had promised.',
    orders: [
      { id: 'O1', kind: 'ORDER', description: 'Pay the resident £300.', dueOn: '2027-03-29' },
      {
        id: 'R1',
        kind: 'RECOMMENDATION',
        description: 'Review the damp policy.',
        dueOn: '2027-05-31',
      },
    ],
  };

  it('names the ombudsman, the Housing Ombudsman unless told otherwise', async () => {
    const housing = await run('refer', { id: (await log()).id, reference: 'HOS-1' });
    expect(housing.ombudsmanReferrals).toMatchObject([
      { reference: 'HOS-1', ombudsman: 'HOUSING_OMBUDSMAN', ombudsmanLabel: 'Housing Ombudsman' },
    ]);
    const council = await run('refer', {
      id: (await log()).id,
      reference: '26 001 234',
      ombudsman: 'LOCAL_GOVERNMENT_OMBUDSMAN',
    });
    expect(council.ombudsmanReferrals).toMatchObject([
      {
        ombudsman: 'LOCAL_GOVERNMENT_OMBUDSMAN',
        ombudsmanLabel: 'Local Government and Social Care Ombudsman',
        determination: null,
        orders: [],
      },
    ]);
  });

  it('records a determination with its orders, and compliance with each', async () => {
    const c = await log();
    const referred = await run('refer', { id: c.id, reference: '202614567' });
    expect(
      await refused(
        'comply',
        { id: c.id, reference: '202614567', orderId: 'O1', compliedOn: '2027-03-01' },
        referred,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'DETERMINATION_NOT_RECORDED' });
    expect(
      await refused(
        'determine',
        { id: c.id, input: { ...DETERMINATION, reference: 'HOS-404' } },
        referred,
      ),
    ).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'REFERRAL_NOT_FOUND',
      field: 'input.reference',
    });
    expect(
      await refused('determine', { id: c.id, input: { ...DETERMINATION, findings: [] } }, referred),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.findings' });
    expect(
      await refused(
        'determine',
        {
          id: c.id,
          input: {
            ...DETERMINATION,
            orders: [{ ...DETERMINATION.orders[0], dueOn: '2027-02-01' }],
          },
        },
        referred,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orders[0].dueOn' });
    const [first] = DETERMINATION.orders;
    expect(
      await refused(
        'determine',
        { id: c.id, input: { ...DETERMINATION, orders: [first, first] } },
        referred,
      ),
    ).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.orders[1].id' });

    const determined = await run('determine', { id: c.id, input: DETERMINATION });
    expect(determined.ombudsmanReferrals[0]).toMatchObject({
      determination: {
        determinedOn: '2027-03-01',
        findings: ['MALADMINISTRATION', 'SERVICE_FAILURE'],
        findingLabels: ['Maladministration', 'Service failure'],
        summary: DETERMINATION.summary,
      },
      orders: [
        { id: 'O1', kind: 'ORDER', dueOn: '2027-03-29', compliedOn: null, note: null },
        { id: 'R1', kind: 'RECOMMENDATION', dueOn: '2027-05-31', compliedOn: null },
      ],
    });
    expect(
      await refused('determine', { id: c.id, input: DETERMINATION }, determined),
    ).toMatchObject({
      code: 'POLICY_REFUSED',
      refusal: 'DETERMINATION_ALREADY_RECORDED',
    });

    const complied = await run('comply', {
      id: c.id,
      reference: '202614567',
      orderId: 'O1',
      compliedOn: '2027-03-01',
      note: 'Paid by bank transfer.',
    });
    expect(complied.ombudsmanReferrals[0]?.orders[0]).toMatchObject({
      compliedOn: '2027-03-01',
      note: 'Paid by bank transfer.',
    });
    expect(
      await refused(
        'comply',
        { id: c.id, reference: '202614567', orderId: 'O1', compliedOn: '2027-03-01' },
        complied,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'ORDER_ALREADY_COMPLIED' });
    expect(
      await refused(
        'comply',
        { id: c.id, reference: '202614567', orderId: 'O9', compliedOn: '2027-03-01' },
        complied,
      ),
    ).toMatchObject({ code: 'POLICY_REFUSED', refusal: 'ORDER_NOT_FOUND', field: 'orderId' });
  });
});
