import { useCallback, useEffect, useState } from 'react';
import { Alert, Box, Chip, CircularProgress, Stack, Typography } from '@mui/material';
import { Title, useNotify } from 'react-admin';
import { useParams } from 'react-router';
import { StepButtons } from '../steps/StepButtons';
import type { GraphQLRequest } from '../steps/StepDialog';
import {
  COMPLAINT_PAGE_QUERY,
  type ComplaintPage,
  type ComplaintPageData,
} from './complaint-query';
import {
  ActionsPanel,
  DeadlinesPanel,
  Section,
  StagesPanel,
  TimelinePanel,
} from './ComplaintPanels';
import { CaseFacts } from './CaseFacts';
import { formatDateTime } from '../../shared/format';
import { useGraphQLRequest } from './use-graphql-request';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly complaint: ComplaintPage };

/** Reads the case; `reload` reads it again, keeping the page shown meanwhile. */
export function useComplaintPage(id: string | undefined, request: GraphQLRequest) {
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    if (!id) return;
    let current = true;
    request(COMPLAINT_PAGE_QUERY, { id }).then(
      (data) => {
        if (!current) return;
        const { me, complaint } = data as ComplaintPageData;
        setLoaded(
          complaint
            ? { state: 'loaded', complaint: { ...complaint, viewerId: me?.id ?? null } }
            : { state: 'failed', message: 'There is no complaint with this id.' },
        );
      },
      (error: unknown) => {
        if (current) {
          setLoaded({
            state: 'failed',
            message: error instanceof Error ? error.message : 'The complaint could not be read.',
          });
        }
      },
    );
    return () => {
      current = false;
    };
  }, [id, request, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { loaded, reload };
}

/** A complaint's page: where it stands, its deadlines and history, and the steps it allows now. */
export function ComplaintShow({ id: given }: { readonly id?: string } = {}) {
  const params = useParams();
  const id = given ?? params.id;
  // Another case is another page: no dialog or reading of the last one carries over.
  return <ComplaintPageView key={id} id={id} />;
}

function ComplaintPageView({ id }: { readonly id: string | undefined }) {
  const request = useGraphQLRequest();
  const notify = useNotify();
  const { loaded, reload } = useComplaintPage(id, request);

  if (loaded.state === 'loading') {
    return (
      <Box sx={{ p: 3 }} role="status" aria-live="polite">
        <CircularProgress aria-label="Loading the complaint" />
      </Box>
    );
  }
  if (loaded.state === 'failed') {
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {loaded.message}
      </Alert>
    );
  }
  const c = loaded.complaint;
  return (
    <Stack spacing={2} sx={{ p: 2 }} component="article" aria-labelledby="complaint-heading">
      <Title title={`Complaint ${c.reference}`} />
      <Box>
        <Typography id="complaint-heading" component="h1" variant="h5">
          {c.reference} <Chip label={c.stageLabel} size="small" />{' '}
          <Chip label={c.statusLabel} size="small" />
        </Typography>
        <Typography variant="body2">
          {c.complainant?.name ?? 'Resident'}
          {c.complainant?.vulnerable ? ' (vulnerable)' : ''} · {c.category} · received{' '}
          {formatDateTime(c.receivedAt)} ·{' '}
          {c.assignee ? `handled by ${c.assignee}` : 'not assigned'} · policy {c.policy.name} ·
          version {c.version}
        </Typography>
        {c.summary && <Typography sx={{ mt: 1 }}>{c.summary}</Typography>}
        {c.complainant?.adjustments && (
          <Typography variant="body2">
            Reasonable adjustments: {c.complainant.adjustments}
          </Typography>
        )}
      </Box>
      <Section title="Steps">
        {c.allowedSteps.length === 0 ? (
          <Typography variant="body2">No step can be recorded on this case now.</Typography>
        ) : (
          <StepButtons
            complaint={c}
            request={request}
            reload={reload}
            notify={(message) => notify(message, { type: 'success' })}
          />
        )}
      </Section>
      <StagesPanel complaint={c} />
      <DeadlinesPanel complaint={c} />
      <ActionsPanel complaint={c} />
      <CaseFacts complaint={c} />
      <TimelinePanel complaint={c} />
    </Stack>
  );
}
