import { useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  Stack,
  TextField,
} from '@mui/material';
import { MAX_CASE_NOTE_LENGTH } from '@redress/domain';
import type { GraphQLRequest } from '../steps/StepDialog';
import { stepFailureOf } from '../steps/step-errors';
import {
  CONTACT_KINDS,
  DIRECTIONS,
  RECORD_CASE_NOTE,
  caseNoteInputOf,
  ukTimeOf,
  type CaseNoteFormErrors,
  type CaseNoteFormValues,
} from './case-notes';

export interface CaseNoteDialogProps {
  readonly complaint: { readonly id: string; readonly reference: string };
  /** A note about the case, or a contact with the resident or someone acting for them. */
  readonly mode: 'note' | 'contact';
  readonly request: GraphQLRequest;
  readonly onClose: () => void;
  /** After it was recorded: the page reads the case again. */
  readonly onDone: () => void;
  /** The present, for the form's default time and its checks; the clock by default. */
  readonly now?: () => Date;
}

const FIELDS: readonly (keyof CaseNoteFormValues)[] = [
  'kind',
  'withWhom',
  'direction',
  'occurredAt',
  'body',
];

/** The form to add an internal note or log a contact, in a dialog. */
export function CaseNoteDialog({
  complaint,
  mode,
  request,
  onClose,
  onDone,
  now = () => new Date(),
}: CaseNoteDialogProps) {
  const titleId = useId();
  const contact = mode === 'contact';
  const [values, setValues] = useState<CaseNoteFormValues>(() => ({
    kind: contact ? 'CALL' : 'NOTE',
    withWhom: '',
    direction: '',
    occurredAt: ukTimeOf(now()),
    body: '',
  }));
  const [errors, setErrors] = useState<CaseNoteFormErrors>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const title = contact ? 'Log contact' : 'Add note';

  const set = (name: keyof CaseNoteFormValues, value: string) => {
    setValues((before) => ({ ...before, [name]: value }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = caseNoteInputOf(complaint.id, values, now());
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setSending(true);
    setMessage(null);
    try {
      await request(RECORD_CASE_NOTE, { input: checked.input });
      onDone();
    } catch (error) {
      const failure = stepFailureOf(error, FIELDS);
      setErrors(failure.fields);
      setMessage(failure.message);
    } finally {
      setSending(false);
    }
  };

  const field = (name: keyof CaseNoteFormValues) => ({
    name,
    value: values[name],
    error: errors[name] !== undefined,
    helperText: errors[name],
    fullWidth: true,
    onChange: (e: { target: { value: string } }) => set(name, e.target.value),
  });

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Box component="form" noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>
          {title}: {complaint.reference}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {message && (
              <Alert severity="error" role="alert">
                {message}
              </Alert>
            )}
            {contact && (
              <>
                <TextField {...field('kind')} select label="Kind of contact" required>
                  {CONTACT_KINDS.map((choice) => (
                    <MenuItem key={choice.id} value={choice.id}>
                      {choice.name}
                    </MenuItem>
                  ))}
                </TextField>
                <TextField
                  {...field('withWhom')}
                  label="With whom"
                  required
                  helperText={errors.withWhom ?? 'e.g. "Ms Okafor (resident)", "her daughter"'}
                />
                <TextField {...field('direction')} select label="Direction" required>
                  {DIRECTIONS.map((choice) => (
                    <MenuItem key={choice.id} value={choice.id}>
                      {choice.name}
                    </MenuItem>
                  ))}
                </TextField>
              </>
            )}
            <TextField
              {...field('occurredAt')}
              type="datetime-local"
              label="When it happened (UK time)"
              slotProps={{ inputLabel: { shrink: true } }}
            />
            <TextField
              {...field('body')}
              label={contact ? 'What was said' : 'Note'}
              required
              multiline
              minRows={3}
              helperText={
                errors.body ?? `At most ${MAX_CASE_NOTE_LENGTH.toLocaleString('en-GB')} characters.`
              }
            />
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={sending}>
            {title}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}
