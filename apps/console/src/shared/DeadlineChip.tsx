import { Chip, type ChipProps } from '@mui/material';
import { formatLocalDate, workingDaysWording } from './format';

/** A deadline as the API answers it: its state and working days left are the API's, not ours. */
export interface DeadlineValue {
  kind: 'ACKNOWLEDGE' | 'RESPOND' | string;
  stage: number;
  dueOn: string;
  state: 'PENDING' | 'DUE_SOON' | 'DUE_TODAY' | 'OVERDUE' | 'MET' | 'MISSED' | string;
  stateLabel?: string;
  workingDaysLeft?: number | null;
  provisional?: boolean;
}

const COLOUR: Readonly<Record<string, ChipProps['color']>> = {
  PENDING: 'default',
  DUE_SOON: 'warning',
  DUE_TODAY: 'warning',
  OVERDUE: 'error',
  MISSED: 'error',
  MET: 'success',
};

/** Filled for the states that need doing now, outlined for the rest. */
const FILLED = new Set(['DUE_TODAY', 'OVERDUE', 'MISSED']);

const WHAT: Readonly<Record<string, string>> = {
  ACKNOWLEDGE: 'Acknowledge',
  RESPOND: 'Respond',
};

/** The chip's words: working days left or overdue while open, the state once done. */
export function deadlineText(deadline: DeadlineValue): string {
  if (deadline.state === 'MET') return 'Met';
  if (deadline.state === 'MISSED') return deadline.stateLabel ?? 'Missed';
  if (typeof deadline.workingDaysLeft === 'number')
    return workingDaysWording(deadline.workingDaysLeft);
  return deadline.stateLabel ?? deadline.state;
}

/** What a screen reader hears: what is due, at which stage, when, and how it stands. */
export function deadlineLabel(deadline: DeadlineValue): string {
  const what = WHAT[deadline.kind] ?? deadline.kind;
  const provisional = deadline.provisional ? ' (provisional)' : '';
  return `${what} at stage ${deadline.stage}, due ${formatLocalDate(deadline.dueOn)}${provisional}: ${deadlineText(deadline)}`;
}

/** A deadline as a coloured chip, coloured by the state the API gives it. */
export const DeadlineChip = ({
  deadline,
  size = 'small',
}: {
  deadline?: DeadlineValue | null;
  size?: ChipProps['size'];
}) => {
  if (!deadline) return null;
  const label = deadlineLabel(deadline);
  return (
    <Chip
      size={size}
      color={COLOUR[deadline.state] ?? 'default'}
      variant={FILLED.has(deadline.state) ? 'filled' : 'outlined'}
      label={deadlineText(deadline)}
      aria-label={label}
      title={label}
      data-state={deadline.state}
    />
  );
};
