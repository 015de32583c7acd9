import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { AppContext } from '../app-context.js';
import { RequirePermission } from '../auth/permission.decorator.js';
import { IDEMPOTENCY_KEY_DESCRIPTION } from '../idempotency/idempotency-keys.js';
import { toCaseNoteType } from './case-note.mapper.js';
import { CaseNoteType } from './case-note.type.js';
import { RecordCaseNoteInput } from './record-case-note.input.js';

@Resolver(() => CaseNoteType)
export class CaseNoteResolver {
  @RequirePermission('complaints:write')
  @Mutation(() => CaseNoteType, {
    description:
      'Records an internal note on a complaint, or logs a call, visit, email or letter with the resident or someone acting for them.',
  })
  async recordCaseNote(
    @Arg('input', () => RecordCaseNoteInput) input: RecordCaseNoteInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description: IDEMPOTENCY_KEY_DESCRIPTION,
    })
    idempotencyKey: string | null | undefined,
    @Ctx() ctx: AppContext,
  ): Promise<CaseNoteType> {
    const note = await ctx.services.caseNotes.record(
      {
        complaintId: input.complaintId,
        kind: input.kind,
        body: input.body,
        occurredAt: input.occurredAt ?? null,
        withWhom: input.withWhom ?? null,
        direction: input.direction ?? null,
        correctsId: input.correctsId ?? null,
      },
      { by: ctx.principal, ...(idempotencyKey != null ? { idempotencyKey } : {}) },
    );
    return toCaseNoteType(note);
  }
}
