import { List, ListItem, ListItemText, Typography } from '@mui/material';
import type { ComplaintPage } from './complaint-query';
import { Section } from './ComplaintPanels';
import { formatDateTime, formatLocalDate } from '../../shared/format';

interface Fact {
  readonly key: string;
  readonly primary: string;
  readonly secondary?: string | null;
}

/** How the case ended or was refused, merges, re-openings and the Ombudsman's side. */
function factsOf(c: ComplaintPage): Fact[] {
  const facts: Fact[] = [];
  if (c.refusal) {
    facts.push({
      key: 'refusal',
      primary: `Refused ${formatDateTime(c.refusal.refusedAt)}: ${c.refusal.reasonLabel}`,
      secondary: [c.refusal.explanation, c.refusal.discretionConsidered].filter(Boolean).join(' '),
    });
  }
  if (c.escalationRefusal) {
    facts.push({
      key: 'escalation-refusal',
      primary: `Stage 2 refused ${formatDateTime(c.escalationRefusal.refusedAt)}: ${c.escalationRefusal.reasonLabel}`,
      secondary: c.escalationRefusal.explanation,
    });
  }
  if (c.withdrawnReason) {
    facts.push({ key: 'withdrawn', primary: 'Withdrawn', secondary: c.withdrawnReason });
  }
  if (c.closedAt) {
    facts.push({ key: 'closed', primary: `Ended ${formatDateTime(c.closedAt)}` });
  }
  if (c.mergedInto) {
    facts.push({ key: 'merged', primary: `Merged into ${c.mergedInto.reference}` });
  }
  if (c.duplicates.length > 0) {
    facts.push({
      key: 'duplicates',
      primary: `Answers for duplicates ${c.duplicates.map((d) => d.reference).join(', ')}`,
    });
  }
  for (const [i, r] of c.reopenings.entries()) {
    facts.push({
      key: `reopened-${i}`,
      primary: `Re-opened ${formatDateTime(r.at)}`,
      secondary: r.reason,
    });
  }
  for (const referral of c.ombudsmanReferrals) {
    const d = referral.determination;
    facts.push({
      key: `ombudsman-${referral.reference}`,
      primary: `Referred to the ${referral.ombudsmanLabel} ${formatDateTime(referral.referredAt)} (${referral.reference})`,
      secondary: d
        ? `Determined ${formatLocalDate(d.determinedOn)}: ${d.findingLabels.join(', ')}. ${d.summary ?? ''}`
        : 'No determination yet.',
    });
    for (const order of referral.orders) {
      facts.push({
        key: `order-${referral.reference}-${order.id}`,
        primary: `Order ${order.id}: ${order.description ?? ''}, due ${formatLocalDate(order.dueOn)}`,
        secondary: order.compliedOn
          ? `Complied ${formatLocalDate(order.compliedOn)}`
          : 'Not complied yet',
      });
    }
  }
  return facts;
}

export function CaseFacts({ complaint }: { complaint: ComplaintPage }) {
  const facts = factsOf(complaint);
  return (
    <Section title="Refusals, merges and the Ombudsman">
      {facts.length === 0 ? (
        <Typography variant="body2">Nothing recorded.</Typography>
      ) : (
        <List dense disablePadding>
          {facts.map((f) => (
            <ListItem key={f.key} disableGutters>
              <ListItemText primary={f.primary} secondary={f.secondary || undefined} />
            </ListItem>
          ))}
        </List>
      )}
    </Section>
  );
}
