// The ombudsman's side of a case, after the referral (`referToOmbudsman`): its determination,
// with findings, orders and recommendations each due on a date, and the landlord's compliance.
import type { Instant, LocalDate } from '@redress/domain';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import {
  AT,
  bounded,
  EXPECTED_VERSION,
  optionalText,
  step,
  withArgumentNames,
} from './complaint-step.js';
import { ComplaintType } from './complaint.type.js';
import { RecordDeterminationInput } from './ombudsman.type.js';

@Resolver(() => ComplaintType)
export class OmbudsmanResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records an ombudsman's determination on a referral: its findings, summary, and the orders and recommendations it makes, each with a due date.",
  })
  recordOmbudsmanDetermination(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('input', () => RecordDeterminationInput) input: RecordDeterminationInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return withArgumentNames(inputField, () =>
      step(
        ctx,
        complaintId,
        {
          type: 'record-determination',
          reference: input.reference,
          determinedOn: input.determinedOn,
          findings: input.findings,
          summary: input.summary,
          orders: (input.orders ?? []).map((order) => ({
            orderId: order.id,
            kind: order.kind,
            description: order.description,
            dueOn: order.dueOn,
          })),
        },
        at,
        expectedVersion,
      ),
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records the landlord's compliance with one order or recommendation of a determination.",
  })
  recordOrderCompliance(
    @Arg('complaintId', () => ID) complaintId: string,
    @Arg('reference', { description: "The referral's reference." }) reference: string,
    @Arg('orderId', () => ID) orderId: string,
    @Arg('compliedOn', () => LocalDateScalar) compliedOn: LocalDate,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      complaintId,
      {
        type: 'record-order-compliance',
        reference: bounded('reference', reference, 100),
        orderId: bounded('orderId', orderId, 200),
        compliedOn,
        note: optionalText('note', note, 5000),
      },
      at,
      expectedVersion,
    );
  }
}

const INPUT_FIELDS = new Set(['reference', 'determinedOn', 'findings', 'summary', 'orders']);

/** A field of the determination as the input names it: `input.orders[0].id`. */
function inputField(field: string): string | undefined {
  const head = /^[A-Za-z]+/.exec(field)?.[0] ?? '';
  if (!INPUT_FIELDS.has(head)) return undefined;
  return `input.${field.replace(/\.orderId$/, '.id')}`;
}
