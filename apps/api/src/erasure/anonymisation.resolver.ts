import type { Instant } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import {
  AnonymisationType,
  ResidentCaseType,
  ResidentInput,
  toAnonymisationType,
  toResidentCaseType,
} from './anonymisation.type.js';

@Resolver(() => ComplaintType)
export class AnonymisationResolver {
  @FieldResolver(() => DateTimeScalar, {
    nullable: true,
    description:
      'When the case was anonymised (its resident erased, or past the retention period); null if it was not.',
  })
  async anonymisedAt(
    @Root() complaint: ComplaintType,
    @Ctx() ctx: AppContext,
  ): Promise<Instant | null> {
    return (await ctx.loaders.anonymisedAt.load(complaint.id))?.toISOString() ?? null;
  }

  @RequirePermission('records:manage')
  @Query(() => [ResidentCaseType], {
    description:
      'The cases held for a resident, oldest first, with when each ended and whether it was anonymised.',
  })
  async residentCases(
    @Arg('resident', () => ResidentInput) resident: ResidentInput,
    @Ctx() ctx: AppContext,
  ): Promise<ResidentCaseType[]> {
    const found = await ctx.services.anonymisation.casesOf(ctx.principal, resident);
    return found.map(toResidentCaseType);
  }

  @RequirePermission('records:manage')
  @Mutation(() => AnonymisationType, {
    description:
      'Anonymises a resident (UK GDPR erasure): every case of theirs, named by `resident` or by one of their cases (`complaintId`). Refused with ANONYMISATION_REFUSED, and nothing changed, while any of their cases is open. Cannot be undone.',
  })
  async anonymiseResident(
    @Arg('resident', () => ResidentInput, { nullable: true }) resident: ResidentInput | null,
    @Arg('complaintId', () => ID, { nullable: true }) complaintId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AnonymisationType> {
    if ((resident == null) === (complaintId == null)) {
      throw new BadUserInputError(
        'Name the resident by their details (resident) or by one of their cases (complaintId): one of the two.',
        'resident',
      );
    }
    const result = await ctx.services.anonymisation.anonymiseResident(
      ctx.principal,
      complaintId != null ? { complaintId } : { details: resident ?? {} },
    );
    return toAnonymisationType(result);
  }
}
