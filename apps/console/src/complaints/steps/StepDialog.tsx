import { useEffect, useId, useState, type FormEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
} from '@mui/material';
import { todayInLondon } from '../../shared/format';
import { stepLabel } from './choices';
import { RemediesInput } from './RemediesInput';
import { StepField } from './StepField';
import { stepFailureOf } from './step-errors';
import { idVariable } from './step-forms';
import {
  FieldError,
  type Choice,
  type FieldSpec,
  type GraphQLRequest,
  type FormValue,
  type FormValues,
  type RemedyRow,
  type StepComplaint,
  type StepDefinition,
} from './step-form.types';

export type { GraphQLRequest } from './step-form.types';

export interface StepDialogProps {
  readonly definition: StepDefinition;
  readonly complaint: StepComplaint;
  readonly request: GraphQLRequest;
  readonly onClose: () => void;
  /** After the step was recorded: the page reads the case again. */
  readonly onDone: () => void;
  /** After a CONFLICT: the page reads the case again; the form stays open on the new version. */
  readonly onStale: () => void;
}

function initialValues(definition: StepDefinition, complaint: StepComplaint): FormValues {
  const today = todayInLondon();
  return Object.fromEntries(
    definition.fields.map((f) => [
      f.name,
      f.initial ? f.initial(complaint, today) : f.kind === 'checkbox' ? false : '',
    ]),
  );
}

function missing(field: FieldSpec, value: FormValue | undefined): boolean {
  if (!field.required) return false;
  return field.kind === 'checkbox'
    ? value !== true
    : typeof value !== 'string' || value.trim() === '';
}

/** One step's short form, in a dialog: what it sends, and what the API answered. */
export function StepDialog({
  definition,
  complaint,
  request,
  onClose,
  onDone,
  onStale,
}: StepDialogProps) {
  const titleId = useId();
  const [values, setValues] = useState<FormValues>(() => initialValues(definition, complaint));
  const [remedies, setRemedies] = useState<readonly RemedyRow[]>([]);
  const [fieldErrors, setFieldErrors] = useState<Readonly<Record<string, string>>>({});
  const [message, setMessage] = useState<{ text: string; stale: boolean } | null>(null);
  const [sending, setSending] = useState(false);
  const loaded = useLoadedChoices(definition, request);
  const label = stepLabel(definition.step);
  const fieldNames = [...definition.fields.map((f) => f.name), 'remedies'];

  const set = (name: string, value: FormValue) => {
    setValues((before) => ({ ...before, [name]: value }));
    setFieldErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = Object.fromEntries(
      definition.fields.filter((f) => missing(f, values[f.name])).map((f) => [f.name, 'Required']),
    );
    if (Object.keys(required).length > 0) {
      setFieldErrors(required);
      return;
    }
    let variables: Record<string, unknown>;
    try {
      variables = {
        ...definition.variables(values, complaint, remedies),
        [idVariable(definition)]: complaint.id,
        expectedVersion: complaint.version,
      };
    } catch (error) {
      if (error instanceof FieldError) {
        setFieldErrors({ [error.field]: error.message });
        return;
      }
      throw error;
    }
    setSending(true);
    setMessage(null);
    try {
      await request(definition.mutation, variables);
      onDone();
    } catch (error) {
      const failure = stepFailureOf(error, fieldNames);
      setFieldErrors(failure.fields);
      if (failure.message) setMessage({ text: failure.message, stale: failure.conflict });
      if (failure.conflict) onStale();
    } finally {
      setSending(false);
    }
  };

  return (
    <Dialog open onClose={onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <Box component="form" noValidate onSubmit={(e) => void submit(e)}>
        <DialogTitle id={titleId}>
          {label}: {complaint.reference}
        </DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            {definition.intro && <DialogContentText>{definition.intro}</DialogContentText>}
            {message && (
              <Alert severity={message.stale ? 'warning' : 'error'} role="alert">
                {message.text}
              </Alert>
            )}
            {loaded.failed && (
              <Alert severity="error" role="alert">
                The choices for this form could not be read: {loaded.failed}
              </Alert>
            )}
            {definition.fields.map((field) => (
              <StepField
                key={field.name}
                field={field}
                complaint={complaint}
                {...(field.loadChoices ? { choices: loaded.choices[field.name] ?? [] } : {})}
                value={values[field.name]}
                error={fieldErrors[field.name]}
                onChange={(value) => set(field.name, value)}
              />
            ))}
            {definition.remedies && (
              <RemediesInput rows={remedies} onChange={setRemedies} errors={fieldErrors} />
            )}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={sending}>
            {label}
          </Button>
        </DialogActions>
      </Box>
    </Dialog>
  );
}

/** The choices of the fields that read theirs from the API, once each, when the form opens. */
function useLoadedChoices(
  definition: StepDefinition,
  request: GraphQLRequest,
): { choices: Readonly<Record<string, readonly Choice[]>>; failed: string | null } {
  const [choices, setChoices] = useState<Readonly<Record<string, readonly Choice[]>>>({});
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    for (const field of definition.fields) {
      const load = field.loadChoices;
      if (!load) continue;
      load(request).then(
        (found) => {
          if (live) setChoices((before) => ({ ...before, [field.name]: found }));
        },
        (error: unknown) => {
          if (live) setFailed(error instanceof Error ? error.message : String(error));
        },
      );
    }
    return () => {
      live = false;
    };
  }, [definition, request]);
  return { choices, failed };
}
