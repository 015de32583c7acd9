// What a complaint's page reads: one query, everything the panels and the step forms show.
import type { StepComplaint } from '../steps/step-form.types';
import type { CaseNoteView } from './case-notes';

export const COMPLAINT_PAGE_QUERY = /* GraphQL */ `
  query ComplaintPage($id: ID!) {
    me {
      id
    }
    correspondenceSettings {
      emailConfigured
    }
    complaint(id: $id) {
      id
      reference
      version
      stage
      stageLabel
      status
      statusLabel
      category
      channel
      receivedAt
      summary
      desiredOutcome
      assignee
      serviceRequestId
      allowedSteps
      complainant {
        name
        vulnerable
        adjustments
        language
        format
        preferredContact
      }
      representative {
        name
        role
        consentGiven
      }
      policy {
        id
        name
        refusalReasons
      }
      stages {
        number
        label
        handler
        startedAt
        acknowledgedAt
        respondedAt
        outcomeLabel
        findings
        points {
          point
        }
        extensions {
          workingDays
          reason
          fromDueOn
          toDueOn
        }
        remedies {
          kind
          label
          description
          amountPence
        }
      }
      deadlines {
        stage
        kind
        dueOn
        state
        stateLabel
        explanation
        workingDaysLeft
        metOn
        stoppedAt
      }
      letterOptions {
        kind
        stage
        required {
          part
          clause
          label
        }
      }
      letters {
        id
        kind
        stage
        issuedOn
        issuedAt
        issuedBy
        recipientEmail
        delivery
        attempts
        lastError
        nextAttemptAt
        sentAt
        postedOn
        pdfPath
        largePrint
        translateTo
      }
      events {
        version
        type
        label
        at
        actor {
          kind
          name
        }
      }
      notes {
        id
        kind
        direction
        withWhom
        occurredAt
        body
        author {
          kind
          name
        }
        recordedAt
        correctsId
      }
      actions {
        id
        stage
        description
        owner
        dueOn
        completedAt
        overdue
        note
      }
      remedies {
        id
        stage
        kind
        label
        description
        amountPence
        paidPence
        answer {
          answer
          answerLabel
        }
      }
      closedAt
      anonymisedAt
      closeReason
      withdrawnReason
      refusal {
        reasonLabel
        explanation
        refusedAt
        discretionConsidered
      }
      escalationRefusal {
        reasonLabel
        explanation
        refusedAt
      }
      mergedInto {
        id
        reference
      }
      duplicates {
        id
        reference
      }
      reopenings {
        at
        reason
      }
      satisfaction {
        score
        comment
        at
      }
      lessons {
        lesson
        at
      }
      stage2Reviewers {
        kind
        userId
        panelMemberId
        name
      }
      attachments {
        id
        fileName
        contentType
        sizeBytes
        description
        uploadedBy {
          kind
          name
        }
        uploadedAt
        downloadPath
      }
      ombudsmanReferrals {
        reference
        ombudsmanLabel
        referredAt
        determination {
          determinedOn
          findingLabels
          summary
        }
        orders {
          id
          description
          dueOn
          compliedOn
        }
      }
    }
  }
`;

export interface DeadlineView {
  readonly stage: number;
  readonly kind: string;
  readonly dueOn: string;
  readonly state: string;
  readonly stateLabel: string;
  readonly explanation: string;
  readonly workingDaysLeft: number | null;
  readonly metOn: string | null;
  readonly stoppedAt: string | null;
}

export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly contentType: string;
  readonly sizeBytes: number;
  readonly description: string | null;
  readonly uploadedBy: { readonly kind: string; readonly name: string | null };
  readonly uploadedAt: string;
  /** GET with the bearer token. */
  readonly downloadPath: string;
}

export interface StageView {
  readonly number: number;
  /** Points raised in the investigation, each to be decided in the response (Code 6.8). */
  readonly points?: readonly { readonly point: string | null }[];
  readonly label: string;
  readonly handler: string | null;
  readonly startedAt: string;
  readonly acknowledgedAt: string | null;
  readonly respondedAt: string | null;
  readonly outcomeLabel: string | null;
  readonly findings: string | null;
  readonly extensions: readonly {
    readonly workingDays: number;
    readonly reason: string | null;
    readonly fromDueOn: string | null;
    readonly toDueOn: string | null;
  }[];
}

export interface ComplaintPage extends StepComplaint {
  readonly stageLabel: string;
  readonly status: string;
  readonly statusLabel: string;
  readonly category: string;
  readonly channel: string;
  readonly receivedAt: string;
  readonly summary: string | null;
  readonly desiredOutcome: string | null;
  readonly assignee: string | null;
  readonly serviceRequestId: string | null;
  readonly complainant: {
    readonly name: string;
    readonly vulnerable: boolean;
    readonly adjustments: string | null;
    readonly language: string | null;
    readonly format: string | null;
    readonly preferredContact: string | null;
  } | null;
  readonly representative: {
    readonly name: string;
    readonly role: string;
    readonly consentGiven: boolean;
  } | null;
  readonly policy: StepComplaint['policy'] & { readonly id: string; readonly name: string };
  readonly stages: readonly StageView[];
  readonly deadlines: readonly DeadlineView[];
  readonly events: readonly {
    readonly version: number;
    readonly type: string;
    readonly label: string;
    readonly at: string;
    readonly actor: { readonly kind: string; readonly name: string | null };
  }[];
  /** Internal notes and the contact log, oldest first; null for a caller without personal data. */
  readonly notes: readonly CaseNoteView[] | null;
  readonly actions: readonly (StepComplaint['actions'][number] & {
    readonly stage: number;
    readonly owner: string;
    readonly dueOn: string;
    readonly overdue: boolean;
    readonly note: string | null;
  })[];
  readonly closedAt: string | null;
  /** When the case was anonymised (its resident erased, or past retention); null if not. */
  readonly anonymisedAt: string | null;
  readonly closeReason: string | null;
  readonly withdrawnReason: string | null;
  readonly refusal: {
    readonly reasonLabel: string;
    readonly explanation: string | null;
    readonly refusedAt: string;
    readonly discretionConsidered: string | null;
  } | null;
  readonly escalationRefusal: {
    readonly reasonLabel: string;
    readonly explanation: string | null;
    readonly refusedAt: string;
  } | null;
  readonly mergedInto: { readonly id: string; readonly reference: string } | null;
  readonly duplicates: readonly { readonly id: string; readonly reference: string }[];
  readonly reopenings: readonly { readonly at: string; readonly reason: string | null }[];
  /** Null until the resident gives a score; the comment is null for a caller without personal data. */
  readonly satisfaction: {
    readonly score: number;
    readonly comment: string | null;
    readonly at: string;
  } | null;
  readonly lessons: readonly { readonly lesson: string; readonly at: string }[];
  readonly letterOptions: readonly LetterOptionView[];
  /** Letters can be emailed from this server. */
  readonly emailConfigured?: boolean;
  /** Null for a caller without complaints:personal. */
  readonly letters: readonly LetterView[] | null;
  readonly stage2Reviewers: readonly {
    readonly kind: 'STAFF' | 'PANEL';
    readonly userId: string | null;
    readonly panelMemberId: string | null;
    /** Null for a caller without complaints:personal. */
    readonly name: string | null;
  }[];
  /** The files on the case; null for a caller who may not read personal data. */
  readonly attachments: readonly AttachmentView[] | null;
  readonly ombudsmanReferrals: readonly {
    readonly reference: string;
    readonly ombudsmanLabel: string;
    readonly referredAt: string;
    readonly determination: {
      readonly determinedOn: string;
      readonly findingLabels: readonly string[];
      readonly summary: string | null;
    } | null;
    readonly orders: readonly {
      readonly id: string;
      readonly description: string | null;
      readonly dueOn: string;
      readonly compliedOn: string | null;
    }[];
  }[];
}

export interface LetterOptionView {
  readonly kind: LetterKindName;
  readonly stage: number;
  readonly required: readonly {
    readonly part: string;
    readonly clause: string;
    readonly label: string;
  }[];
}

export type LetterKindName =
  'ACKNOWLEDGEMENT' | 'EXTENSION' | 'RESPONSE' | 'ACCEPTANCE_REFUSAL' | 'ESCALATION_REFUSAL';

export type LetterDeliveryName = 'EMAIL_QUEUED' | 'SENT' | 'FAILED' | 'AWAITING_POST' | 'POSTED';

export interface LetterView {
  readonly id: string;
  readonly kind: LetterKindName;
  readonly stage: number;
  readonly issuedOn: string;
  readonly issuedAt: string;
  readonly issuedBy: string;
  readonly recipientEmail: string | null;
  readonly delivery: LetterDeliveryName;
  readonly attempts: number;
  readonly lastError: string | null;
  readonly nextAttemptAt: string | null;
  readonly sentAt: string | null;
  readonly postedOn: string | null;
  readonly pdfPath: string;
  readonly largePrint: boolean;
  readonly translateTo: string | null;
}

export interface ComplaintPageData {
  readonly me: { readonly id: string } | null;
  readonly correspondenceSettings?: { readonly emailConfigured: boolean } | null;
  readonly complaint: Omit<ComplaintPage, 'viewerId'> | null;
}
