import { useState } from 'react';
import {
  Alert,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  Stack,
  Typography,
} from '@mui/material';
import type { GraphQLRequest } from '../steps/StepDialog';
import { ExportButton } from '../../measures/ExportButton';
import { formatDateTime, formatLocalDate } from '../../shared/format';
import type { ComplaintPage, LetterOptionView, LetterView } from './complaint-query';
import { Section } from './ComplaintPanels';
import { LetterDialog } from './LetterDialog';
import { DELIVERY_LABELS, letterName } from './letter-labels';

const RETRY = /* GraphQL */ `
  mutation RetryLetter($id: ID!) {
    retryLetterDelivery(letterId: $id) {
      id
    }
  }
`;
const POSTED = /* GraphQL */ `
  mutation LetterPosted($id: ID!) {
    markLetterPosted(letterId: $id) {
      id
    }
  }
`;

interface Props {
  readonly complaint: ComplaintPage;
  readonly request: GraphQLRequest;
  readonly reload: () => void;
}

/**
 * The letters of a case: those issued, with where each is on its way, and a letter for each
 * step the Code expects one for, previewed against its required parts before it is issued.
 */
export function LettersPanel({ complaint, request, reload }: Props) {
  const [writing, setWriting] = useState<LetterOptionView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const letters = complaint.letters;
  if (letters === null) return null;
  const act = (mutation: string, id: string) => {
    setError(null);
    request(mutation, { id })
      .then(reload)
      .catch((caught: unknown) =>
        setError(caught instanceof Error ? caught.message : 'The letter could not be changed.'),
      );
  };
  return (
    <Section title="Letters">
      {complaint.letterOptions.length > 0 && (
        <Stack direction="row" spacing={1} useFlexGap flexWrap="wrap" sx={{ mb: 1 }}>
          {complaint.letterOptions.map((option) => (
            <Button
              key={`${option.kind}-${option.stage}`}
              variant="outlined"
              size="small"
              onClick={() => setWriting(option)}
            >
              Write the {letterName(option.kind, option.stage).replace(/^Stage/, 'stage')} letter
            </Button>
          ))}
        </Stack>
      )}
      {error && (
        <Alert severity="error" role="alert" sx={{ mb: 1 }}>
          {error}
        </Alert>
      )}
      {letters.length === 0 ? (
        <Typography variant="body2">
          {complaint.letterOptions.length === 0
            ? 'No letter is due yet: each step the Code expects a letter for offers one here once it is taken.'
            : 'No letter has been issued on this case yet.'}
        </Typography>
      ) : (
        <List dense disablePadding aria-label="Letters issued">
          {letters.map((letter) => (
            <LetterRow key={letter.id} letter={letter} act={act} reference={complaint.reference} />
          ))}
        </List>
      )}
      {writing && (
        <LetterDialog
          complaint={complaint}
          option={writing}
          request={request}
          onClose={() => setWriting(null)}
          onIssued={() => {
            setWriting(null);
            reload();
          }}
        />
      )}
    </Section>
  );
}

function LetterRow({
  letter,
  act,
  reference,
}: {
  letter: LetterView;
  act: (mutation: string, id: string) => void;
  reference: string;
}) {
  const name = letterName(letter.kind, letter.stage);
  const details = [
    `dated ${formatLocalDate(letter.issuedOn)}`,
    `issued ${formatDateTime(letter.issuedAt)} by ${letter.issuedBy}`,
    letter.postedOn ? `posted ${formatLocalDate(letter.postedOn)}` : null,
    letter.sentAt ? `emailed ${formatDateTime(letter.sentAt)}` : null,
    letter.delivery === 'EMAIL_QUEUED' && letter.attempts > 0
      ? `attempt ${letter.attempts + 1} due ${letter.nextAttemptAt ? formatDateTime(letter.nextAttemptAt) : 'soon'}`
      : null,
    letter.lastError && letter.delivery !== 'SENT' ? `last error: ${letter.lastError}` : null,
    letter.largePrint ? 'large print' : null,
    letter.translateTo ? `needs translating into ${letter.translateTo}` : null,
  ].filter((part): part is string => part !== null);
  return (
    <ListItem disableGutters sx={{ alignItems: 'flex-start', flexWrap: 'wrap', gap: 1 }}>
      <ListItemText
        primary={
          <>
            {name}{' '}
            <Chip
              size="small"
              label={DELIVERY_LABELS[letter.delivery]}
              color={letter.delivery === 'FAILED' ? 'error' : 'default'}
            />
          </>
        }
        secondary={details.join(' · ')}
      />
      <Stack direction="row" spacing={1} alignItems="center">
        <ExportButton
          path={letter.pdfPath}
          fileName={`${reference.toLowerCase()}-${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`}
          label="PDF"
          variant="text"
        />
        {letter.delivery === 'FAILED' && (
          <Button size="small" onClick={() => act(RETRY, letter.id)}>
            Email again
          </Button>
        )}
        {(letter.delivery === 'AWAITING_POST' || letter.delivery === 'FAILED') && (
          <Button size="small" onClick={() => act(POSTED, letter.id)}>
            Mark as posted
          </Button>
        )}
      </Stack>
    </ListItem>
  );
}
