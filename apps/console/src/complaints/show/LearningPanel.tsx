import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';
import { formatDateTime } from '../../shared/format';

/**
 * What the case teaches: the resident's satisfaction with how it was handled, out of 10 (the
 * latest given), and the lessons learnt from it, oldest first (Code 9).
 */
export function LearningPanel({ complaint }: { complaint: ComplaintPage }) {
  const { satisfaction, lessons } = complaint;
  return (
    <Section title="Satisfaction and lessons learnt">
      <Typography variant="body2">
        {satisfaction
          ? `Satisfaction with how the complaint was handled: ${satisfaction.score} out of 10, given ${formatDateTime(satisfaction.at)}.`
          : 'No satisfaction score recorded.'}
      </Typography>
      {satisfaction?.comment && (
        <Typography variant="body2">The resident said: {satisfaction.comment}</Typography>
      )}
      {lessons.length === 0 ? (
        <Typography variant="body2" sx={{ mt: 1 }}>
          No lessons learnt recorded.
        </Typography>
      ) : (
        <List dense disablePadding component="ol" aria-label="Lessons learnt">
          {lessons.map((l, index) => (
            <ListItem key={index} disableGutters>
              <ListItemText primary={l.lesson} secondary={formatDateTime(l.at)} />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}
