import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DeadlineChip, type DeadlineValue } from './DeadlineChip';

const deadline = (over: Partial<DeadlineValue>): DeadlineValue => ({
  kind: 'RESPOND',
  stage: 1,
  dueOn: '2026-11-13',
  state: 'PENDING',
  workingDaysLeft: 3,
  ...over,
});

describe('DeadlineChip', () => {
  it.each([
    [{ state: 'PENDING', workingDaysLeft: 7 }, '7 working days left', 'MuiChip-colorDefault'],
    [{ state: 'DUE_SOON', workingDaysLeft: 3 }, '3 working days left', 'MuiChip-colorWarning'],
    [{ state: 'DUE_SOON', workingDaysLeft: 1 }, '1 working day left', 'MuiChip-colorWarning'],
    [{ state: 'DUE_TODAY', workingDaysLeft: 0 }, 'Due today', 'MuiChip-colorWarning'],
    [{ state: 'OVERDUE', workingDaysLeft: -2 }, '2 working days overdue', 'MuiChip-colorError'],
    [{ state: 'MET', workingDaysLeft: null }, 'Met', 'MuiChip-colorSuccess'],
  ])('%o reads "%s"', (over, text, colour) => {
    render(<DeadlineChip deadline={deadline(over)} />);
    const chip = screen.getByText(text).closest('.MuiChip-root');
    expect(chip).toHaveClass(colour);
  });

  it('colours by the state the API gave, not by the days it counts', () => {
    // The API says overdue (say, a deadline that passed in the policy's calendar): the chip says so.
    render(<DeadlineChip deadline={deadline({ state: 'OVERDUE', workingDaysLeft: 0 })} />);
    expect(screen.getByText('Due today').closest('.MuiChip-root')).toHaveClass(
      'MuiChip-colorError',
    );
  });

  it('has an accessible label saying what is due, when and how it stands', () => {
    render(
      <DeadlineChip
        deadline={deadline({
          kind: 'ACKNOWLEDGE',
          stage: 2,
          state: 'OVERDUE',
          workingDaysLeft: -1,
          provisional: true,
        })}
      />,
    );
    expect(
      screen.getByLabelText(
        'Acknowledge at stage 2, due Fri 13 Nov 2026 (provisional): 1 working day overdue',
      ),
    ).toBeInTheDocument();
  });

  it('shows nothing without a deadline', () => {
    const { container } = render(<DeadlineChip deadline={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});
