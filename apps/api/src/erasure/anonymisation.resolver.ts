import type { Instant } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { BadUserInputError } from '../errors/app-errors.js';
import { DateTimeScalar } from '../scalars/date-time.scalar.js';
import { PersonInput } from '../records/person.input.js';
import { AnonymisationType, toAnonymisationType } from './anonymisation.type.js';

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
  @Mutation(() => AnonymisationType, {
    description:
      'Anonymises a resident (UK GDPR erasure): every case of theirs, named by `person` (as `casesOfPerson` finds them) or by one of their cases (`complaintId`). Refused with ANONYMISATION_REFUSED, and nothing changed, while any of their cases is open. Cannot be undone.',
  })
  async anonymiseResident(
    @Arg('person', () => PersonInput, { nullable: true }) person: PersonInput | null,
    @Arg('complaintId', () => ID, { nullable: true }) complaintId: string | null,
    @Ctx() ctx: AppContext,
  ): Promise<AnonymisationType> {
    if ((person == null) === (complaintId == null)) {
      throw new BadUserInputError(
        'Name the resident by their details (person) or by one of their cases (complaintId): one of the two.',
        'person',
      );
    }
    const result = await ctx.services.anonymisation.anonymiseResident(
      ctx.principal,
      complaintId != null ? { complaintId } : { person: { ...person } },
    );
    return toAnonymisationType(result);
  }
}
