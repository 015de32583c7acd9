// What the investigation learns about a case: a further point raised (Code 6.8), another
// resident making the same complaint, the contractor whose service it is about (1.2), and a
// duplicate merged into the case it repeats.
import type { Instant } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import {
  ComplaintDuplicateType,
  ComplaintLinkType,
  ContractorInput,
  ContractorType,
} from './case-record.type.js';
import { AT, bounded, EXPECTED_VERSION, stateOf, step } from './complaint-step.js';
import { toComplainantType, toComplaintType } from './complaint.mapper.js';
import { ComplainantType, ComplaintType, personalData } from './complaint.type.js';
import { ComplainantInput } from './log-complaint.input.js';
import { mergeComplaints } from './merge-complaints.js';

@Resolver(() => ComplaintType)
export class ComplaintCaseworkResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      'Adds a point the resident raised during the investigation to the open stage, to be answered in its response (Code 6.8). A point raised after the response is a new complaint.',
  })
  addComplaintPoint(
    @Arg('id', () => ID) id: string,
    @Arg('point', { description: 'The point, as the resident put it.' }) point: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      { type: 'add-point', point: bounded('point', point, 5000) },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records another resident making the same complaint: a household, or a residents' group with each resident named (Code 1.2).",
  })
  addComplainant(
    @Arg('id', () => ID) id: string,
    @Arg('complainant', () => ComplainantInput) complainant: ComplainantInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      { type: 'add-complainant', complainant: toComplainantType(complainant) },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Records the contractor whose service the complaint is about. The complaint stays the landlord's: a contractor acts on its behalf (Code 1.2).",
  })
  recordContractor(
    @Arg('id', () => ID) id: string,
    @Arg('contractor', () => ContractorInput) contractor: ContractorInput,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, EXPECTED_VERSION) expectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    return step(
      ctx,
      id,
      {
        type: 'record-contractor',
        contractor: { name: contractor.name, reference: contractor.reference ?? null },
      },
      at,
      expectedVersion,
    );
  }

  @RequirePermission('complaints:write')
  @Mutation(() => ComplaintType, {
    description:
      "Merges a duplicate into the complaint it repeats, both or neither: the duplicate ends as MERGED, the events of both are kept, and the duplicate's reference answers with the surviving complaint, which this returns.",
  })
  async mergeComplaint(
    @Arg('duplicateId', () => ID, { description: 'The complaint that repeats the other.' })
    duplicateId: string,
    @Arg('intoId', () => ID, { description: 'The complaint that carries on.' }) intoId: string,
    @Arg('at', () => DateTimeScalar, AT) at: Instant | null | undefined,
    @Arg('expectedVersion', () => Int, {
      nullable: true,
      description: "The duplicate's version you last read; a newer one answers CONFLICT.",
    })
    expectedVersion: number | null | undefined,
    @Arg('intoExpectedVersion', () => Int, {
      nullable: true,
      description: "The surviving complaint's version you last read; a newer one answers CONFLICT.",
    })
    intoExpectedVersion: number | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType> {
    const survivor = await mergeComplaints(ctx.services.complaints, ctx.principal, {
      duplicateId,
      intoId,
      ...(at != null ? { at } : {}),
      ...(expectedVersion != null ? { expectedVersion } : {}),
      ...(intoExpectedVersion != null ? { intoExpectedVersion } : {}),
    });
    return toComplaintType(survivor);
  }

  @RequirePermission('complaints:personal')
  @FieldResolver(() => [ComplainantType], {
    nullable: true,
    description: personalData('Further residents making the same complaint.'),
  })
  additionalComplainants(@Root() complaint: ComplaintType): ComplainantType[] {
    return stateOf(complaint).additionalComplainants.map(toComplainantType);
  }

  @FieldResolver(() => ContractorType, {
    nullable: true,
    description: 'The contractor whose service the complaint is about, if it is about one.',
  })
  contractor(@Root() complaint: ComplaintType): ContractorType | null {
    const { contractor } = stateOf(complaint);
    return contractor ? { name: contractor.name, reference: contractor.reference ?? null } : null;
  }

  @FieldResolver(() => [ComplaintDuplicateType], {
    description: 'Duplicates merged into this complaint; their references answer with it.',
  })
  duplicates(@Root() complaint: ComplaintType): ComplaintDuplicateType[] {
    return stateOf(complaint).duplicates.map((d) => ({
      id: d.id,
      reference: d.reference,
      at: d.at,
    }));
  }

  @FieldResolver(() => ComplaintLinkType, {
    nullable: true,
    description: 'The complaint this one duplicated, once merged into it.',
  })
  mergedInto(@Root() complaint: ComplaintType): ComplaintLinkType | null {
    const { mergedInto } = stateOf(complaint);
    return mergedInto ? { id: mergedInto.id, reference: mergedInto.reference } : null;
  }
}
