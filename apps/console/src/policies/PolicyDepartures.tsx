import Alert from '@mui/material/Alert';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';

export interface CodeDeparture {
  readonly code: string;
  /** The Code's clause, e.g. "6.12". */
  readonly clause: string;
  /** What the policy says against the Code, and what Redress does about it. */
  readonly message: string;
}

/** The first clause a departure names, as numbers: "5.11, 2.2" → [5, 11]. */
function clauseNumbers(clause: string): number[] {
  const first = /\d+(\.\d+)*/.exec(clause);
  return first ? first[0].split('.').map(Number) : [];
}

/** "5.3" before "5.11" before "6.12": clauses compare part by part, as numbers. */
function byClause(a: CodeDeparture, b: CodeDeparture): number {
  const left = clauseNumbers(a.clause);
  const right = clauseNumbers(b.clause);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const difference = (left[i] ?? 0) - (right[i] ?? 0);
    if (difference !== 0) return difference;
  }
  return a.clause.localeCompare(b.clause) || a.code.localeCompare(b.code);
}

/**
 * Where a policy departs from the Complaint Handling Code, clause by clause in the Code's order,
 * each with the API's sentence: what the policy says and what Redress does about it.
 */
export const PolicyDepartures = ({
  departures,
}: {
  readonly departures: readonly CodeDeparture[];
}) => {
  if (departures.length === 0) {
    return (
      <Alert severity="success">
        No departures from the Complaint Handling Code: Redress applies this policy as written.
      </Alert>
    );
  }
  const sorted = [...departures].sort(byClause);
  return (
    <>
      <Typography variant="body2" sx={{ mb: 1 }} id="policy-departures-summary">
        {sorted.length === 1
          ? 'One departure from the Complaint Handling Code.'
          : `${sorted.length} departures from the Complaint Handling Code.`}
      </Typography>
      <Table size="small" aria-labelledby="policy-departures-summary">
        <TableHead>
          <TableRow>
            <TableCell component="th" scope="col">
              Clause
            </TableCell>
            <TableCell component="th" scope="col">
              What the policy says, and what Redress does
            </TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {sorted.map((departure) => (
            <TableRow key={departure.code}>
              <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
                {departure.clause}
              </TableCell>
              <TableCell>{departure.message}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};
