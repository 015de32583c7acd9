import { useState } from 'react';
import { Alert, Button, Typography } from '@mui/material';
import { AnonymiseDialog } from '../../records/AnonymiseDialog';
import { formatDateTime } from '../../shared/format';
import { useCan } from '../../users/useCan';
import type { GraphQLRequest } from '../steps/StepDialog';
import { Section } from './ComplaintPanels';

export interface ResidentRecordPanelProps {
  readonly complaint: {
    readonly id: string;
    readonly reference: string;
    readonly closedAt: string | null;
    readonly anonymisedAt: string | null;
  };
  readonly request: GraphQLRequest;
  readonly reload: () => void;
  readonly notify: (message: string) => void;
}

/** Said at the top of an anonymised case's page, to everyone who reads it. */
export function AnonymisedNotice({ anonymisedAt }: { readonly anonymisedAt: string | null }) {
  if (anonymisedAt === null) return null;
  return (
    <Alert severity="info">
      This case was anonymised on {formatDateTime(anonymisedAt)}: its dates, stages, outcomes and
      measures are kept; what identified the resident is gone.
    </Alert>
  );
}

/**
 * The resident's record as a whole, for those who keep residents' records (admins): anonymising
 * them once their cases have ended, and, once done, when it was.
 */
export function ResidentRecordPanel({
  complaint,
  request,
  reload,
  notify,
}: ResidentRecordPanelProps) {
  const permitted = useCan('records:manage');
  const [open, setOpen] = useState(false);
  if (complaint.anonymisedAt !== null || !permitted) return null;
  const ended = complaint.closedAt !== null;
  return (
    <Section title="Resident’s record">
      <Typography variant="body2" sx={{ mb: 1 }}>
        {ended
          ? 'Anonymise this resident on their request (UK GDPR erasure): every case of theirs, together.'
          : 'A resident is anonymised once every case of theirs has ended; this one is open.'}
      </Typography>
      <Button color="error" variant="outlined" disabled={!ended} onClick={() => setOpen(true)}>
        Anonymise resident…
      </Button>
      {open && (
        <AnonymiseDialog
          target={{ complaintId: complaint.id }}
          who={`the resident of ${complaint.reference}`}
          request={request}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            notify(message);
            reload();
          }}
        />
      )}
    </Section>
  );
}
