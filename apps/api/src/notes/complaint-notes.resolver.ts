import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { ComplaintType, personalData } from '../complaints/complaint.type.js';
import { toCaseNoteType } from './case-note.mapper.js';
import { CaseNoteType } from './case-note.type.js';

/** A complaint's notes and contact log (a page's in one statement). */
@Resolver(() => ComplaintType)
export class ComplaintNotesResolver {
  @RequirePermission('complaints:personal')
  @FieldResolver(() => [CaseNoteType], {
    nullable: true,
    description: personalData(
      'Internal notes and the contact log, oldest first (by when each happened), as the timeline shows them.',
    ),
  })
  async notes(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): Promise<CaseNoteType[]> {
    const notes = await ctx.loaders.notes.load(complaint.id);
    return notes.map(toCaseNoteType);
  }
}
