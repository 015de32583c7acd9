import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { personalData } from '../complaints/complaint.type.js';
import { ComplaintType } from '../complaints/complaint.type.js';
import { toAttachmentType } from './attachment.mapper.js';
import { AttachmentType } from './attachment.type.js';

/** A case's files (a page's in one statement). */
@Resolver(() => ComplaintType)
export class ComplaintAttachmentsResolver {
  @RequirePermission('complaints:personal')
  @FieldResolver(() => [AttachmentType], {
    nullable: true,
    description: personalData(
      'The files on the case, oldest first; upload with POST /attachments (docs/api.md, "Attachments").',
    ),
  })
  async attachments(
    @Root() complaint: ComplaintType,
    @Ctx() ctx: AppContext,
  ): Promise<AttachmentType[]> {
    const found = await ctx.loaders.attachments.load(complaint.id);
    return found.map(toAttachmentType);
  }
}
