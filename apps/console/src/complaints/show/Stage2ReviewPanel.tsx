import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';

const KIND = { STAFF: 'Independent manager', PANEL: 'Independent resident, from the panel' };

/** Who reviews stage 2 (seed 004), shown once the case is at stage 2 or has reviewers. */
export function Stage2ReviewPanel({ complaint }: { complaint: ComplaintPage }) {
  const reviewers = complaint.stage2Reviewers;
  if (complaint.stage !== 2 && reviewers.length === 0) return null;
  return (
    <Section title="Stage 2 review">
      {reviewers.length === 0 ? (
        <Typography variant="body2">No reviewers recorded for stage 2.</Typography>
      ) : (
        <List dense disablePadding aria-label="Stage 2 reviewers">
          {reviewers.map((r) => (
            <ListItem key={`${r.kind}:${r.userId ?? r.panelMemberId ?? ''}`} disableGutters>
              <ListItemText primary={r.name ?? 'Name withheld'} secondary={KIND[r.kind]} />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}
