import { letterOptions, type LocalDate } from '@redress/domain';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { stateOf } from '../complaints/complaint-step.js';
import { ComplaintType, personalData } from '../complaints/complaint.type.js';
import { LocalDateScalar } from '../scalars/local-date.scalar.js';
import { DeliveryMethodEnum } from './letter-enums.type.js';
import { LetterInput, LetterTemplateInput } from './letter.input.js';
import type { LetterInput as ServiceLetterInput } from './letter.service.js';
import {
  CorrespondenceSettingsType,
  LetterTemplateType,
  toLetterTemplateType,
} from './letter-template.type.js';
import {
  LetterOptionType,
  LetterPreviewType,
  LetterType,
  toLetterOptionType,
  toLetterPreviewType,
  toLetterType,
} from './letter.type.js';

/** Letters to residents: previewed against the Code, issued, delivered by email or post. */
@Resolver(() => ComplaintType)
export class LetterResolver {
  @RequirePermission('complaints:personal')
  @Query(() => LetterPreviewType, {
    description:
      'A letter as it would be issued now, with any required part still missing listed (issueLetter refuses it until none is). LETTER_REFUSED with refusal LETTER_STEP_NOT_TAKEN for a step the case has not taken.',
  })
  async letterPreview(
    @Arg('letter', () => LetterInput) letter: LetterInput,
    @Ctx() ctx: AppContext,
  ): Promise<LetterPreviewType> {
    const preview = await ctx.services.letters.preview(ctx.principal, serviceInput(letter));
    return toLetterPreviewType(preview.draft, preview.html);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => LetterType, {
    description:
      'Issues a letter, kept unchanged from then on, and sends it by email or leaves it to be posted. LETTER_REFUSED with refusal LETTER_PART_MISSING (naming the part and its Code clause) while a required part is empty; EMAIL_NOT_CONFIGURED or NO_EMAIL_ADDRESS when email cannot go.',
  })
  async issueLetter(
    @Arg('letter', () => LetterInput) letter: LetterInput,
    @Arg('delivery', () => DeliveryMethodEnum) delivery: 'EMAIL' | 'POST',
    @Ctx() ctx: AppContext,
  ): Promise<LetterType> {
    const issued = await ctx.services.letters.issue(ctx.principal, {
      ...serviceInput(letter),
      delivery,
    });
    return toLetterType(issued);
  }

  @RequirePermission('complaints:write')
  @Mutation(() => LetterType, {
    description:
      'Queues a letter whose email FAILED to be sent again now (LETTER_NOT_FAILED otherwise).',
  })
  async retryLetterDelivery(
    @Arg('letterId', () => ID) letterId: string,
    @Ctx() ctx: AppContext,
  ): Promise<LetterType> {
    return toLetterType(await ctx.services.letters.retry(ctx.principal, letterId));
  }

  @RequirePermission('complaints:write')
  @Mutation(() => LetterType, {
    description:
      'Records that a letter issued for post, or one whose email failed, was put in the post (LETTER_NOT_AWAITING_POST otherwise).',
  })
  async markLetterPosted(
    @Arg('letterId', () => ID) letterId: string,
    @Arg('postedOn', () => LocalDateScalar, {
      nullable: true,
      description: 'The day it was posted; absent: today. Not before the letter’s date.',
    })
    postedOn: LocalDate | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<LetterType> {
    return toLetterType(
      await ctx.services.letters.markPosted(ctx.principal, letterId, postedOn ?? null),
    );
  }

  @RequirePermission('complaints:personal')
  @Query(() => LetterType, { description: 'One letter, if its case is one you may see.' })
  async letter(@Arg('id', () => ID) id: string, @Ctx() ctx: AppContext): Promise<LetterType> {
    return toLetterType(await ctx.services.letters.find(ctx.principal, id));
  }

  @RequirePermission('policies:read')
  @Query(() => LetterTemplateType, { description: "The landlord's letter template." })
  async letterTemplate(@Ctx() ctx: AppContext): Promise<LetterTemplateType> {
    const { template, updatedAt } = await ctx.services.letters.template(ctx.principal);
    return toLetterTemplateType(template, updatedAt);
  }

  @RequirePermission('policies:write')
  @Mutation(() => LetterTemplateType, {
    description: 'Replaces the letter template; letters already issued keep what they said.',
  })
  async updateLetterTemplate(
    @Arg('template', () => LetterTemplateInput) template: LetterTemplateInput,
    @Ctx() ctx: AppContext,
  ): Promise<LetterTemplateType> {
    await ctx.services.letters.updateTemplate(ctx.principal, template);
    const stored = await ctx.services.letters.template(ctx.principal);
    return toLetterTemplateType(stored.template, stored.updatedAt);
  }

  @RequirePermission('complaints:read')
  @Query(() => CorrespondenceSettingsType, { description: 'How letters can go out from here.' })
  correspondenceSettings(@Ctx() ctx: AppContext): CorrespondenceSettingsType {
    return { emailConfigured: ctx.services.letters.emailConfigured };
  }

  @RequirePermission('complaints:personal')
  @FieldResolver(() => [LetterType], {
    nullable: true,
    description: personalData('The letters issued on the case, in the order they were issued.'),
  })
  async letters(@Root() complaint: ComplaintType, @Ctx() ctx: AppContext): Promise<LetterType[]> {
    const letters = await ctx.loaders.letters.load(complaint.id);
    return letters.map(toLetterType);
  }

  @FieldResolver(() => [LetterOptionType], {
    description:
      'The letters the case can be written now: one for each step taken that the Code expects a letter for, with what each must carry.',
  })
  letterOptions(@Root() complaint: ComplaintType): LetterOptionType[] {
    return letterOptions(stateOf(complaint)).map((o) => toLetterOptionType(o.kind, o.stage));
  }
}

function serviceInput(letter: LetterInput): ServiceLetterInput {
  return {
    complaintId: letter.complaintId,
    kind: letter.kind,
    stage: letter.stage as 1 | 2,
    issuedOn: letter.issuedOn ?? null,
    decisions: letter.decisions ?? [],
    edits: letter.edits ?? [],
    ombudsman: letter.ombudsman ?? null,
  };
}
