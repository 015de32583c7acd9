import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { PolicyDepartures } from './PolicyDepartures';

const DEPARTURES = [
  {
    code: 'ESCALATION_REASONS_REQUIRED',
    clause: '6.12',
    message:
      'The policy asks the resident for reasons to escalate: Redress asks, records none given, and never refuses for want of them.',
  },
  {
    code: 'STAGE1_ACKNOWLEDGE_LATE',
    clause: '5.3',
    message:
      'Stage 1 acknowledgement within 6 working days of receipt: the Code allows 5 working days.',
  },
  {
    code: 'ESCALATION_TIME_LIMIT',
    clause: '5.11, 2.2',
    message: 'Escalation must be asked for within 20 working days of the stage 1 response.',
  },
  {
    code: 'ESCALATION_REFUSED_WHEN',
    clause: '5.11',
    message: "The landlord's own grounds for refusing to escalate are flagged and never offered.",
  },
];

describe('PolicyDepartures', () => {
  it("lists each departure by its clause, in the Code's order, with what Redress does", () => {
    render(<PolicyDepartures departures={DEPARTURES} />);
    const table = screen.getByRole('table', {
      name: '4 departures from the Complaint Handling Code.',
    });
    const rows = within(table).getAllByRole('row').slice(1);
    // 5.3 before 5.11 before 6.12: by number, not as text; one naming two clauses by its first.
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      '5.3',
      '5.11',
      '5.11, 2.2',
      '6.12',
    ]);
    expect(rows[3]).toHaveTextContent(/never refuses for want of them/);
    expect(
      within(table).getByRole('columnheader', { name: /what Redress does/i }),
    ).toBeInTheDocument();
  });

  it('says one departure in words', () => {
    render(<PolicyDepartures departures={DEPARTURES.slice(0, 1)} />);
    expect(screen.getByText('One departure from the Complaint Handling Code.')).toBeInTheDocument();
  });

  it('says so when a policy meets the Code', () => {
    render(<PolicyDepartures departures={[]} />);
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    expect(screen.getByText(/No departures from the Complaint Handling Code/)).toBeInTheDocument();
  });
});
