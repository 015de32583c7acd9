import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { Alert, Box, Button, Paper, Stack, Typography } from '@mui/material';
import { Title, useNotify, useRedirect } from 'react-admin';
import { useSearchParams } from 'react-router';
import { todayInLondon } from '../../shared/format';
import { useGraphQLRequest } from '../show/use-graphql-request';
import { stepFailureOf } from '../steps/step-errors';
import type { Choice, FormValue, FormValues } from '../steps/step-form.types';
import type { GraphQLRequest } from '../steps/StepDialog';
import { StepField } from '../steps/StepField';
import {
  CONVERT_SERVICE_REQUEST,
  LOG_COMPLAINT,
  LOG_FIELD_NAMES,
  LOG_FIELDS,
  logVariables,
  POLICY_CHOICES_QUERY,
} from './log-complaint';

function initialValues(serviceRequestId: string | null): FormValues {
  const today = todayInLondon();
  const values: Record<string, FormValue> = {};
  for (const field of LOG_FIELDS.flatMap((g) => g.fields)) {
    values[field.name] = field.initial
      ? field.initial(undefined as never, today)
      : field.kind === 'checkbox'
        ? false
        : '';
  }
  if (serviceRequestId) values.serviceRequestId = serviceRequestId;
  return values;
}

export interface LogComplaintFormProps {
  readonly request: GraphQLRequest;
  readonly serviceRequestId?: string | null;
  /** After it is logged: its id and reference. */
  readonly onLogged: (complaint: { id: string; reference: string }) => void;
}

/** Logs a complaint, or converts a service request into one; the API's messages on the fields. */
export function LogComplaintForm({
  request,
  serviceRequestId = null,
  onLogged,
}: LogComplaintFormProps) {
  const [values, setValues] = useState<FormValues>(() => initialValues(serviceRequestId));
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [policies, setPolicies] = useState<readonly Choice[]>([]);
  // One key per form opened: a retry after a lost answer logs the complaint once.
  const idempotencyKey = useMemo(() => crypto.randomUUID(), []);

  useEffect(() => {
    request(POLICY_CHOICES_QUERY, {}).then(
      (data) => setPolicies((data as { policies: Choice[] }).policies),
      () => setPolicies([]),
    );
  }, [request]);

  const set = (name: string, value: FormValue) => {
    setValues((before) => ({ ...before, [name]: value }));
    setErrors(({ [name]: _cleared, ...rest }) => rest);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = Object.fromEntries(
      LOG_FIELDS.flatMap((g) => g.fields)
        .filter((f) => f.required && String(values[f.name] ?? '').trim() === '')
        .map((f) => [f.name, 'Required']),
    );
    if (Object.keys(required).length > 0) {
      setErrors(required);
      return;
    }
    const { input, serviceRequestId: converting } = logVariables(values);
    setSending(true);
    setMessage(null);
    try {
      const data = (await (converting
        ? request(CONVERT_SERVICE_REQUEST, { id: converting, input, idempotencyKey })
        : request(LOG_COMPLAINT, { input, idempotencyKey }))) as Record<
        string,
        { id: string; reference: string }
      >;
      const logged = data.convertServiceRequest ?? data.logComplaint;
      if (logged) onLogged(logged);
    } catch (error) {
      const failure = stepFailureOf(error, [...LOG_FIELD_NAMES, 'receivedAt']);
      const { receivedAt, ...fields } = failure.fields;
      setErrors(receivedAt ? { ...fields, receivedOn: receivedAt } : fields);
      setMessage(failure.message);
    } finally {
      setSending(false);
    }
  };

  return (
    <Box component="form" noValidate onSubmit={(e) => void submit(e)} aria-labelledby="log-heading">
      <Stack spacing={2}>
        <Typography id="log-heading" component="h1" variant="h5">
          {values.serviceRequestId
            ? 'Convert a service request into a complaint'
            : 'Log a complaint'}
        </Typography>
        {message && (
          <Alert severity="error" role="alert">
            {message}
          </Alert>
        )}
        {LOG_FIELDS.map((group) => (
          <Paper key={group.title} component="fieldset" variant="outlined" sx={{ p: 2, m: 0 }}>
            <Typography component="legend" variant="h6">
              {group.title}
            </Typography>
            <Stack spacing={2} sx={{ mt: 1 }}>
              {group.fields.map((field) => (
                <StepField
                  key={field.name}
                  field={field}
                  choices={field.name === 'policyId' ? policies : undefined}
                  value={values[field.name]}
                  error={errors[field.name]}
                  onChange={(value) => set(field.name, value)}
                />
              ))}
            </Stack>
          </Paper>
        ))}
        <Box>
          <Button type="submit" variant="contained" disabled={sending}>
            {values.serviceRequestId ? 'Convert into a complaint' : 'Log the complaint'}
          </Button>
        </Box>
      </Stack>
    </Box>
  );
}

/** The create page: `?serviceRequestId=` converts that service request. */
export function ComplaintCreate() {
  const request = useGraphQLRequest();
  const notify = useNotify();
  const redirect = useRedirect();
  const [params] = useSearchParams();
  return (
    <Box sx={{ p: 2, maxWidth: 900 }}>
      <Title title="Complaints" />
      <LogComplaintForm
        request={request}
        serviceRequestId={params.get('serviceRequestId')}
        onLogged={(complaint) => {
          notify(`Complaint ${complaint.reference} logged.`, { type: 'success' });
          redirect('show', 'complaints', complaint.id);
        }}
      />
    </Box>
  );
}
