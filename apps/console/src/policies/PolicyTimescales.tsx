import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';

interface StagePolicy {
  readonly acknowledgeDays: number;
  readonly respondDays: number;
  readonly responseClock: 'ACKNOWLEDGEMENT' | 'RECEIPT' | string;
  readonly maxExtensionDays: number;
}

const CLOCKS: Readonly<Record<string, string>> = {
  ACKNOWLEDGEMENT: 'the acknowledgement',
  RECEIPT: 'receipt (at stage 2, the escalation request)',
};

function days(n: number): string {
  return n === 1 ? '1 working day' : `${n} working days`;
}

/** Each stage's figures, in working days, as the policy sets them. */
export const PolicyTimescales = ({
  stage1,
  stage2,
}: {
  readonly stage1: StagePolicy;
  readonly stage2: StagePolicy;
}) => (
  <Table size="small" aria-label="Timescales">
    <TableHead>
      <TableRow>
        <TableCell component="th" scope="col">
          Stage
        </TableCell>
        <TableCell component="th" scope="col">
          Acknowledge within
        </TableCell>
        <TableCell component="th" scope="col">
          Respond within
        </TableCell>
        <TableCell component="th" scope="col">
          Extend by at most
        </TableCell>
      </TableRow>
    </TableHead>
    <TableBody>
      {[
        { name: 'Stage 1', stage: stage1 },
        { name: 'Stage 2', stage: stage2 },
      ].map(({ name, stage }) => (
        <TableRow key={name}>
          <TableCell component="th" scope="row">
            {name}
          </TableCell>
          <TableCell>{days(stage.acknowledgeDays)}</TableCell>
          <TableCell>
            {days(stage.respondDays)} from {CLOCKS[stage.responseClock] ?? stage.responseClock}
          </TableCell>
          <TableCell>{days(stage.maxExtensionDays)}</TableCell>
        </TableRow>
      ))}
    </TableBody>
  </Table>
);
