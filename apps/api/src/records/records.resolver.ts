import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { toComplaintType } from '../complaints/complaint.mapper.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { PersonInput } from './person.input.js';

@Resolver()
export class RecordsResolver {
  @RequirePermission('records:manage')
  @Query(() => [ComplaintType], {
    description:
      'The cases of a resident, oldest first, found by the details given (records:manage): what a subject access export (POST /records/subject-access) would hold. Personal data in the arguments, so ask with POST, never in a URL.',
  })
  async casesOfPerson(
    @Arg('person', () => PersonInput) person: PersonInput,
    @Ctx() ctx: AppContext,
  ): Promise<ComplaintType[]> {
    const records = await ctx.services.records.casesOfPerson(ctx.principal, { ...person });
    return records.map(toComplaintType);
  }
}
