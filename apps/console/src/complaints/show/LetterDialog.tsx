import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControl,
  FormControlLabel,
  FormLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import type { GraphQLRequest } from '../steps/StepDialog';
import type { ComplaintPage, LetterOptionView } from './complaint-query';
import { letterName } from './letter-labels';

const PREVIEW = /* GraphQL */ `
  query LetterPreview($letter: LetterInput!) {
    letterPreview(letter: $letter) {
      issuable
      recipientEmail
      translateTo
      largePrint
      missing {
        part
        clause
        label
      }
      html
    }
  }
`;
const ISSUE = /* GraphQL */ `
  mutation IssueLetter($letter: LetterInput!, $delivery: LetterDeliveryMethod!) {
    issueLetter(letter: $letter, delivery: $delivery) {
      id
      delivery
    }
  }
`;

interface Preview {
  readonly issuable: boolean;
  readonly recipientEmail: string | null;
  readonly translateTo: string | null;
  readonly largePrint: boolean;
  readonly missing: readonly { part: string; clause: string; label: string }[];
  readonly html: string;
}

/** Letters that give an ombudsman's details, and so ask which ombudsman. */
function namesOmbudsman(option: LetterOptionView): boolean {
  return option.kind !== 'ACKNOWLEDGEMENT' && !(option.kind === 'RESPONSE' && option.stage === 1);
}

interface Props {
  readonly complaint: ComplaintPage;
  readonly option: LetterOptionView;
  readonly request: GraphQLRequest;
  readonly onClose: () => void;
  readonly onIssued: () => void;
}

/**
 * Writes one letter: the handler adds what only they can (a decision on each point, the date,
 * which ombudsman), sees the letter as it will go and what it still lacks, and issues it once
 * every part the Code requires is there.
 */
export function LetterDialog({ complaint, option, request, onClose, onIssued }: Props) {
  const name = letterName(option.kind, option.stage);
  const points =
    option.kind === 'RESPONSE'
      ? (complaint.stages.find((s) => s.number === option.stage)?.points ?? [])
          .map((p) => p.point)
          .filter((p): p is string => p !== null)
      : [];
  const [decisions, setDecisions] = useState<Record<string, string>>({});
  const [issuedOn, setIssuedOn] = useState('');
  const [ombudsman, setOmbudsman] = useState('HOUSING_OMBUDSMAN');
  const [delivery, setDelivery] = useState<'EMAIL' | 'POST'>('POST');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const letter = useCallback(
    () => ({
      complaintId: complaint.id,
      kind: option.kind,
      stage: option.stage,
      ...(issuedOn ? { issuedOn } : {}),
      ...(points.length > 0
        ? { decisions: points.map((point) => ({ point, decision: decisions[point] ?? '' })) }
        : {}),
      ...(namesOmbudsman(option) ? { ombudsman } : {}),
    }),
    // The points come from the complaint, which does not change while the dialog is open.
    [complaint.id, option, issuedOn, decisions, ombudsman],
  );

  const runPreview = useCallback(() => {
    setError(null);
    request(PREVIEW, { letter: letter() })
      .then((data) => setPreview((data as { letterPreview: Preview }).letterPreview))
      .catch((caught: unknown) => {
        setPreview(null);
        setError(caught instanceof Error ? caught.message : 'The letter could not be previewed.');
      });
  }, [request, letter]);

  useEffect(() => {
    runPreview();
    // The first preview only: later ones are asked for with the button, once edits are made.
  }, []);

  const canEmail = complaint.emailConfigured === true && (preview?.recipientEmail ?? null) !== null;
  const issue = () => {
    setBusy(true);
    setError(null);
    request(ISSUE, { letter: letter(), delivery: canEmail ? delivery : 'POST' })
      .then(onIssued)
      .catch((caught: unknown) =>
        setError(caught instanceof Error ? caught.message : 'The letter could not be issued.'),
      )
      .finally(() => setBusy(false));
  };
  const titleId = `letter-dialog-${option.kind}-${option.stage}`;

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{name}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          {points.map((point, index) => (
            <TextField
              key={point}
              label={`Decision on point ${index + 1}: ${point}`}
              value={decisions[point] ?? ''}
              onChange={(e) => {
                setPreview(null);
                setDecisions({ ...decisions, [point]: e.target.value });
              }}
              multiline
              minRows={2}
              required
            />
          ))}
          <TextField
            label="Letter date"
            type="date"
            value={issuedOn}
            onChange={(e) => {
              setPreview(null);
              setIssuedOn(e.target.value);
            }}
            helperText="Leave empty to date it on the day of the step it tells of."
            slotProps={{ inputLabel: { shrink: true } }}
          />
          {namesOmbudsman(option) && (
            <TextField
              select
              label="Which ombudsman the letter names"
              value={ombudsman}
              onChange={(e) => {
                setPreview(null);
                setOmbudsman(e.target.value);
              }}
            >
              <MenuItem value="HOUSING_OMBUDSMAN">Housing Ombudsman</MenuItem>
              <MenuItem value="LOCAL_GOVERNMENT_OMBUDSMAN">
                Local Government and Social Care Ombudsman
              </MenuItem>
            </TextField>
          )}
          <FormControl>
            <FormLabel id={`${titleId}-delivery`}>How it goes</FormLabel>
            <RadioGroup
              row
              aria-labelledby={`${titleId}-delivery`}
              value={canEmail ? delivery : 'POST'}
              onChange={(e) => setDelivery(e.target.value as 'EMAIL' | 'POST')}
            >
              <FormControlLabel
                value="EMAIL"
                control={<Radio />}
                disabled={!canEmail}
                label={
                  canEmail
                    ? `By email to ${preview?.recipientEmail ?? ''}`
                    : complaint.emailConfigured
                      ? 'By email (the resident has no email address)'
                      : 'By email (not set up on this server)'
                }
              />
              <FormControlLabel value="POST" control={<Radio />} label="By post" />
            </RadioGroup>
          </FormControl>
          {error && (
            <Alert severity="error" role="alert">
              {error}
            </Alert>
          )}
          {preview && preview.missing.length > 0 && (
            <Alert severity="warning" role="alert">
              <Typography variant="body2">
                The letter cannot be issued yet. The Code requires:
              </Typography>
              <Box component="ul" sx={{ m: 0, pl: 3 }}>
                {preview.missing.map((m) => (
                  <li key={m.part}>
                    {m.label} (Code {m.clause})
                  </li>
                ))}
              </Box>
            </Alert>
          )}
          {preview && preview.issuable && (
            <Alert severity="success">Every part the Code requires is in the letter.</Alert>
          )}
          {preview?.translateTo && (
            <Alert severity="info">
              The resident asked for letters in {preview.translateTo}: the letter says a translation
              will follow. Arrange it once the letter is issued.
            </Alert>
          )}
          {preview && (
            <Box
              component="iframe"
              title={`Preview of the ${name.toLowerCase()} letter`}
              sandbox=""
              srcDoc={preview.html}
              sx={{ width: '100%', height: 420, border: 1, borderColor: 'divider' }}
            />
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button onClick={runPreview}>Preview</Button>
        <Button variant="contained" onClick={issue} disabled={busy || !preview?.issuable}>
          Issue letter
        </Button>
      </DialogActions>
    </Dialog>
  );
}
