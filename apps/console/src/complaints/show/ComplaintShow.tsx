import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
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
import { LearningPanel } from './LearningPanel';
import { LettersPanel } from './LettersPanel';
import { CaseFilePanel } from './CaseFilePanel';
import { Stage2ReviewPanel } from './Stage2ReviewPanel';
import { AttachmentsPanel } from './AttachmentsPanel';
import { NotesPanel } from './NotesPanel';
import { AnonymisedNotice, ResidentRecordPanel } from './ResidentRecordPanel';
import { formatDateTime } from '../../shared/format';
import { useGraphQLRequest } from './use-graphql-request';

type Loaded =
  | { readonly state: 'loading' }
  | { readonly state: 'failed'; readonly message: string }
  | { readonly state: 'loaded'; readonly complaint: ComplaintPage };

/**
 * Reads the case through react-admin's query cache, under the key its `getOne` has, so a change
 * made elsewhere (the live updates invalidate that key) reads it again; `reload` does the same on
 * demand. The page already shown stays while it is read again.
 */
export function useComplaintPage(id: string | undefined, request: GraphQLRequest) {
  const query = useQuery({
    queryKey: ['complaints', 'getOne', { id: String(id) }, 'page'],
    queryFn: async (): Promise<ComplaintPage | null> => {
      const { me, complaint, correspondenceSettings } = (await request(COMPLAINT_PAGE_QUERY, {
        id,
      })) as ComplaintPageData;
      return complaint
        ? {
            ...complaint,
            viewerId: me?.id ?? null,
            emailConfigured: correspondenceSettings?.emailConfigured ?? false,
          }
        : null;
    },
    enabled: id !== undefined,
    retry: false,
  });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  let loaded: Loaded;
  if (query.data) loaded = { state: 'loaded', complaint: query.data };
  else if (query.data === null) {
    loaded = { state: 'failed', message: 'There is no complaint with this id.' };
  } else if (query.error) {
    loaded = {
      state: 'failed',
      message:
        query.error instanceof Error ? query.error.message : 'The complaint could not be read.',
    };
  } else loaded = { state: 'loading' };
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
      <AnonymisedNotice anonymisedAt={c.anonymisedAt} />
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
      <Stage2ReviewPanel complaint={c} />
      <LettersPanel complaint={c} request={request} reload={reload} />
      <CaseFilePanel complaint={c} />
      <DeadlinesPanel complaint={c} />
      <ActionsPanel complaint={c} />
      <CaseFacts complaint={c} />
      <LearningPanel complaint={c} />
      <AttachmentsPanel
        complaint={c}
        reload={reload}
        notify={(message) => notify(message, { type: 'success' })}
      />
      {c.notes !== null && (
        <NotesPanel
          complaint={c}
          request={request}
          reload={reload}
          notify={(message) => notify(message, { type: 'success' })}
        />
      )}
      <TimelinePanel complaint={c} />
      <ResidentRecordPanel
        complaint={c}
        request={request}
        reload={reload}
        notify={(message) => notify(message, { type: 'success' })}
      />
    </Stack>
  );
}
