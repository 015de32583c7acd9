import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { Link } from 'react-router';
import { formatDateTime } from '../shared/format';
import type { PersonCase } from './records.query';

const th = { component: 'th', scope: 'col' } as const;

/**
 * The cases found for a person: reference, when received, status. What every action on a
 * person's records (an export, anonymising) is taken on, so it stands on its own.
 */
export const ResidentCases = ({ cases }: { readonly cases: readonly PersonCase[] }) => {
  if (cases.length === 0) {
    return (
      <Typography role="status">
        No case is held for this person. The exports below say so, as an answer you can send.
      </Typography>
    );
  }
  return (
    <Table size="small" aria-label="Cases held for this person">
      <TableHead>
        <TableRow>
          <TableCell {...th}>Reference</TableCell>
          <TableCell {...th}>Received</TableCell>
          <TableCell {...th}>Status</TableCell>
          <TableCell {...th}>Ended</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {cases.map((c) => (
          <TableRow key={c.id}>
            <TableCell>
              <Link to={`/complaints/${encodeURIComponent(c.id)}/show`}>{c.reference}</Link>
            </TableCell>
            <TableCell>{formatDateTime(c.receivedAt)}</TableCell>
            <TableCell>{c.statusLabel}</TableCell>
            <TableCell>{c.closedAt ? formatDateTime(c.closedAt) : 'Open'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};
