import { useState } from 'react';
import {
  Button,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { GraphQLRequest } from '../steps/StepDialog';
import { formatDateTime } from '../../shared/format';
import type { ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';
import { CaseNoteDialog } from './CaseNoteDialog';
import { authorName, directionLabel, noteKindLabel } from './case-notes';

export interface NotesPanelProps {
  readonly complaint: Pick<ComplaintPage, 'id' | 'reference' | 'notes'>;
  readonly request: GraphQLRequest;
  /** Reads the case again, after a note was recorded. */
  readonly reload: () => void;
  readonly notify?: (message: string) => void;
}

/**
 * The case's internal notes and contact log, oldest first, with the forms to add to them. Never
 * part of a letter: they are kept beside the case, not in its events.
 */
export function NotesPanel({ complaint, request, reload, notify }: NotesPanelProps) {
  const [open, setOpen] = useState<'note' | 'contact' | null>(null);
  const notes = complaint.notes ?? [];
  const byId = new Map(notes.map((n) => [n.id, n]));
  return (
    <Section title="Notes and contacts">
      <Stack direction="row" spacing={1} sx={{ mb: 2 }}>
        <Button variant="outlined" onClick={() => setOpen('note')}>
          Add note
        </Button>
        <Button variant="outlined" onClick={() => setOpen('contact')}>
          Log contact
        </Button>
      </Stack>
      {notes.length === 0 ? (
        <Typography variant="body2">No notes or contacts recorded.</Typography>
      ) : (
        <Table size="small" aria-label="Notes and contacts">
          <TableHead>
            <TableRow>
              <TableCell>When</TableCell>
              <TableCell>Kind</TableCell>
              <TableCell>With whom</TableCell>
              <TableCell>Direction</TableCell>
              <TableCell>By</TableCell>
              <TableCell>What was noted or said</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {notes.map((n) => {
              const corrected = n.correctsId ? byId.get(n.correctsId) : undefined;
              return (
                <TableRow key={n.id}>
                  <TableCell>{formatDateTime(n.occurredAt)}</TableCell>
                  <TableCell>{noteKindLabel(n.kind)}</TableCell>
                  <TableCell>{n.withWhom ?? ''}</TableCell>
                  <TableCell>{directionLabel(n.direction)}</TableCell>
                  <TableCell>{authorName(n.author)}</TableCell>
                  <TableCell sx={{ whiteSpace: 'pre-wrap' }}>
                    {corrected && (
                      <Typography variant="caption" component="p">
                        Corrects the {noteKindLabel(corrected.kind).toLowerCase()} of{' '}
                        {formatDateTime(corrected.occurredAt)}
                      </Typography>
                    )}
                    {n.body}
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {open && (
        <CaseNoteDialog
          complaint={complaint}
          mode={open}
          request={request}
          onClose={() => setOpen(null)}
          onDone={() => {
            notify?.(open === 'note' ? 'Note added.' : 'Contact logged.');
            setOpen(null);
            reload();
          }}
        />
      )}
    </Section>
  );
}
