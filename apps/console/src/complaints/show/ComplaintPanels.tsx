import type { ReactNode } from 'react';
import {
  Box,
  Chip,
  List,
  ListItem,
  ListItemText,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import type { ComplaintPage, DeadlineView } from './complaint-query';
import { formatDateTime, formatLocalDate, workingDaysWording } from '../../shared/format';
import { timelineOf } from './timeline';

function formatPounds(pence: number): string {
  return `£${(pence / 100).toFixed(2)}`;
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/[^a-z]+/g, '-')}`;
  return (
    <Paper component="section" aria-labelledby={id} variant="outlined" sx={{ p: 2 }}>
      <Typography id={id} component="h2" variant="h6" gutterBottom>
        {title}
      </Typography>
      {children}
    </Paper>
  );
}

export function StagesPanel({ complaint }: { complaint: ComplaintPage }) {
  return (
    <Section title="Stages">
      {complaint.stages.map((stage) => (
        <Box key={stage.number} sx={{ mb: 2 }}>
          <Typography component="h3" variant="subtitle1">
            {stage.label}
            {stage.handler ? `, handled by ${stage.handler}` : ', not assigned'}
          </Typography>
          <Typography variant="body2">
            Began {formatDateTime(stage.startedAt)}.{' '}
            {stage.acknowledgedAt
              ? `Acknowledged ${formatDateTime(stage.acknowledgedAt)}.`
              : 'Not acknowledged yet.'}{' '}
            {stage.respondedAt
              ? `Answered ${formatDateTime(stage.respondedAt)}: ${stage.outcomeLabel ?? ''}.`
              : 'Not answered yet.'}
          </Typography>
          {stage.findings && <Typography variant="body2">Findings: {stage.findings}</Typography>}
          {stage.extensions.map((e, i) => (
            <Typography key={i} variant="body2">
              Extended by {e.workingDays} working day{e.workingDays === 1 ? '' : 's'}
              {e.fromDueOn && e.toDueOn
                ? `, from ${formatLocalDate(e.fromDueOn)} to ${formatLocalDate(e.toDueOn)}`
                : ''}
              {e.reason ? `: ${e.reason}` : ''}
            </Typography>
          ))}
        </Box>
      ))}
    </Section>
  );
}

const CHIP_COLOUR: Readonly<Record<string, 'default' | 'success' | 'warning' | 'error' | 'info'>> =
  {
    PENDING: 'info',
    DUE_SOON: 'warning',
    DUE_TODAY: 'warning',
    OVERDUE: 'error',
    MET: 'success',
    MISSED: 'error',
  };

function daysLeft(d: DeadlineView): string {
  if (d.workingDaysLeft === null) return d.metOn ? `met ${formatLocalDate(d.metOn)}` : '';
  return workingDaysWording(d.workingDaysLeft);
}

export function DeadlinesPanel({ complaint }: { complaint: ComplaintPage }) {
  return (
    <Section title="Deadlines">
      <List dense disablePadding>
        {complaint.deadlines.map((d) => (
          <ListItem key={`${d.stage}-${d.kind}`} alignItems="flex-start" disableGutters>
            <ListItemText
              primary={
                <>
                  Stage {d.stage} {d.kind === 'ACKNOWLEDGE' ? 'acknowledgement' : 'response'} due{' '}
                  {formatLocalDate(d.dueOn)}{' '}
                  <Chip
                    size="small"
                    label={d.stateLabel}
                    color={CHIP_COLOUR[d.state] ?? 'default'}
                  />{' '}
                  {daysLeft(d)}
                </>
              }
              secondary={d.explanation}
            />
          </ListItem>
        ))}
      </List>
    </Section>
  );
}

/** What happened to the case, its notes and contacts among its events, oldest first. */
export function TimelinePanel({ complaint }: { complaint: ComplaintPage }) {
  return (
    <Section title="Timeline">
      <List dense disablePadding component="ol">
        {timelineOf(complaint).map((entry) => (
          <ListItem key={entry.key} disableGutters>
            <ListItemText
              primary={entry.title}
              secondary={
                <>
                  {formatDateTime(entry.at)}, by {entry.by}
                  {entry.body !== null && (
                    <Typography
                      component="span"
                      variant="body2"
                      sx={{ display: 'block', whiteSpace: 'pre-wrap' }}
                    >
                      {entry.body}
                    </Typography>
                  )}
                </>
              }
            />
          </ListItem>
        ))}
      </List>
    </Section>
  );
}

export function ActionsPanel({ complaint }: { complaint: ComplaintPage }) {
  return (
    <Section title="Remedies and actions">
      {complaint.remedies.length === 0 && complaint.actions.length === 0 && (
        <Typography variant="body2">No remedies offered or actions agreed yet.</Typography>
      )}
      {complaint.remedies.length > 0 && (
        <Table size="small" aria-label="Remedies offered">
          <TableHead>
            <TableRow>
              <TableCell>Remedy</TableCell>
              <TableCell>Offered</TableCell>
              <TableCell>Answer</TableCell>
              <TableCell>Paid</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {complaint.remedies.map((r) => (
              <TableRow key={r.id}>
                <TableCell>
                  {r.id}: {r.label}
                  {r.description ? `: ${r.description}` : ''}
                </TableCell>
                <TableCell>{r.amountPence !== null ? formatPounds(r.amountPence) : ''}</TableCell>
                <TableCell>{r.answer?.answerLabel ?? 'Not answered'}</TableCell>
                <TableCell>{r.amountPence !== null ? formatPounds(r.paidPence) : ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {complaint.actions.length > 0 && (
        <Table size="small" aria-label="Actions agreed" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell>Action</TableCell>
              <TableCell>Owner</TableCell>
              <TableCell>Due</TableCell>
              <TableCell>Done</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {complaint.actions.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  {a.id}: {a.description}
                </TableCell>
                <TableCell>{a.owner}</TableCell>
                <TableCell>
                  {formatLocalDate(a.dueOn)}
                  {a.overdue && <Chip size="small" color="error" label="Overdue" sx={{ ml: 1 }} />}
                </TableCell>
                <TableCell>{a.completedAt ? formatDateTime(a.completedAt) : 'Open'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
