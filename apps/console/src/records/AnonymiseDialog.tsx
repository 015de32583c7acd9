import { useId, useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
} from '@mui/material';
import type { GraphQLRequest } from '../complaints/steps/StepDialog';
import { stepFailureOf } from '../complaints/steps/step-errors';
import {
  ANONYMISATION_ERASES,
  ANONYMISATION_KEEPS,
  ANONYMISE_RESIDENT,
  anonymisedMessage,
  type AnonymisationAnswer,
} from './anonymisation';

export interface AnonymiseDialogProps {
  /** Who is anonymised: named by their details, or as the complainant of a case. */
  readonly target:
    { readonly complaintId: string } | { readonly person: Readonly<Record<string, string>> };
  /** How the person confirming knows them: "Jordan Ellis", "the resident of CMP-2026-000012". */
  readonly who: string;
  readonly request: GraphQLRequest;
  readonly onClose: () => void;
  /** After it was done, with what to tell the person who did it. */
  readonly onDone: (message: string) => void;
}

/** Confirms, then anonymises every case of a resident; the API's refusal is shown as it came. */
export function AnonymiseDialog({ target, who, request, onClose, onDone }: AnonymiseDialogProps) {
  const titleId = useId();
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  const confirm = async () => {
    setSending(true);
    setMessage(null);
    try {
      const data = (await request(ANONYMISE_RESIDENT, target)) as AnonymisationAnswer;
      onDone(anonymisedMessage(data.anonymiseResident));
    } catch (error) {
      setMessage(stepFailureOf(error, []).message ?? 'The resident could not be anonymised.');
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Anonymise {who}?</DialogTitle>
      <DialogContent>
        {message && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }}>
            {message}
          </Alert>
        )}
        <DialogContentText>
          Every case of theirs is anonymised together, once each has ended. {ANONYMISATION_KEEPS}
        </DialogContentText>
        <DialogContentText sx={{ mt: 1 }}>{ANONYMISATION_ERASES}</DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={sending}>
          Cancel
        </Button>
        <Button color="error" variant="contained" onClick={() => void confirm()} disabled={sending}>
          Anonymise
        </Button>
      </DialogActions>
    </Dialog>
  );
}
