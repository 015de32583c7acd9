// The shape of a step's short form: its fields, and how its values become the mutation's
// variables. One description per step (step-forms.ts); one dialog renders them all.
import type { ComplaintStep } from '@redress/domain';

export interface Choice {
  readonly id: string;
  readonly name: string;
}

/** Sends one GraphQL operation and answers its data; rejects with the API's errors. */
export type GraphQLRequest = (
  query: string,
  variables: Record<string, unknown>,
) => Promise<unknown>;

export type FieldKind = 'text' | 'multiline' | 'number' | 'money' | 'date' | 'select' | 'checkbox';

export interface FieldSpec {
  readonly name: string;
  readonly label: string;
  readonly kind: FieldKind;
  readonly required?: boolean;
  readonly helperText?: string;
  /** Fixed choices, or choices read from the case (its open actions, its remedies...). */
  readonly choices?: readonly Choice[] | ((complaint: StepComplaint) => readonly Choice[]);
  /** Choices read from the API when the form opens (the staff, the review panel). */
  readonly loadChoices?: (request: GraphQLRequest) => Promise<readonly Choice[]>;
  /** The value the form opens with. */
  readonly initial?: (complaint: StepComplaint, today: string) => FormValue;
}

export type FormValue = string | boolean;
export type FormValues = Readonly<Record<string, FormValue>>;

/** A remedy offered in the response being written. */
export interface RemedyRow {
  readonly kind: string;
  readonly description: string;
  /** Pounds, as typed: "150" or "150.00". */
  readonly amount: string;
}

/** What the forms read of the case. */
export interface StepComplaint {
  readonly id: string;
  readonly reference: string;
  readonly version: number;
  readonly stage: number;
  readonly allowedSteps: readonly string[];
  readonly actions: readonly {
    readonly id: string;
    readonly description: string | null;
    readonly completedAt: string | null;
  }[];
  readonly remedies: readonly {
    readonly id: string;
    readonly kind: string;
    readonly label: string;
    readonly description: string | null;
    readonly amountPence: number | null;
    readonly paidPence: number;
    readonly answer: { readonly answer: string; readonly answerLabel?: string } | null;
  }[];
  readonly policy: { readonly refusalReasons: readonly string[] };
  /** The signed-in user, for taking the case oneself. */
  readonly viewerId?: string | null;
}

export interface StepDefinition {
  readonly step: ComplaintStep;
  /** A sentence under the title: what the step records. */
  readonly intro?: string;
  readonly mutation: string;
  readonly fields: readonly FieldSpec[];
  /** The response offers remedies (findings and remedies). */
  readonly remedies?: boolean;
  /** Builds the variables; may throw a FieldError for a value the form cannot send. */
  readonly variables: (
    values: FormValues,
    complaint: StepComplaint,
    remedies: readonly RemedyRow[],
  ) => Record<string, unknown>;
}

/** A value the form itself refuses before sending (a sum of money that is not one). */
export class FieldError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
