import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title, useNotify, usePermissions } from 'react-admin';
import { formatDateTime } from '../shared/format';
import { Loading } from '../shared/Loading';
import { YearPicker } from './MeasuresFilters';
import { granted } from './measures-permissions';
import { formatCount, tenureLabel } from './measures-format';
import { loadHomes, saveHomes } from './measures.query';
import type { Homes } from './measures.types';
import { reportingYearLabel } from './reporting-year';
import { useMeasuresParams } from './use-measures-params';

/** The tenures the Regulator asks CH01 for, each with its own count of homes. */
const HOME_TENURES = ['LCRA', 'LCHO'] as const;

const MAX_HOMES = 10_000_000;

export function homesProblem(text: string): string | undefined {
  if (!/^\d+$/.test(text.replace(/,/g, '').trim())) return 'A whole number of homes, such as 12400';
  const value = Number(text.replace(/,/g, ''));
  return value > MAX_HOMES ? `At most ${formatCount(MAX_HOMES)} homes` : undefined;
}

const HomesRow = ({
  year,
  tenure,
  current,
  canWrite,
}: {
  year: number;
  tenure: (typeof HOME_TENURES)[number];
  current: Homes | undefined;
  canWrite: boolean;
}) => {
  const [text, setText] = useState(current ? String(current.homes) : '');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const notify = useNotify();
  const client = useQueryClient();
  const problem = text === '' ? undefined : homesProblem(text);
  const label = `Homes, ${tenureLabel(tenure)}`;
  const save = async () => {
    setSaving(true);
    setError(undefined);
    try {
      await saveHomes(year, tenure, Number(text.replace(/,/g, '')));
      notify(`Homes for ${reportingYearLabel(year)}, ${tenure}: saved.`, { type: 'success' });
      await client.invalidateQueries({ queryKey: ['measures'] });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The homes were not saved.');
    } finally {
      setSaving(false);
    }
  };
  return (
    <TableRow>
      <TableCell component="th" scope="row">
        {tenureLabel(tenure)}
      </TableCell>
      <TableCell>{current ? formatCount(current.homes) : 'Not entered'}</TableCell>
      <TableCell>{current ? formatDateTime(current.updatedAt) : '—'}</TableCell>
      {canWrite && (
        <TableCell>
          <Stack direction="row" spacing={1} alignItems="flex-start">
            <TextField
              size="small"
              label={label}
              value={text}
              error={Boolean(problem ?? error)}
              helperText={problem ?? error ?? ' '}
              onChange={(event) => setText(event.target.value)}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
            />
            <Button
              variant="contained"
              disabled={saving || text === '' || problem !== undefined}
              onClick={() => void save()}
              aria-label={`Save the homes, ${tenure}`}
            >
              Save
            </Button>
          </Stack>
        </TableCell>
      )}
    </TableRow>
  );
};

/**
 * The homes CH01 divides by, entered per reporting year and tenure by an administrator (the
 * figure is the landlord's stock at the year's end, from its own records).
 */
export const HomesPage = () => {
  const [{ year }, setParams] = useMeasuresParams();
  const { permissions } = usePermissions();
  const canWrite = granted(permissions, 'homes:write');
  const { data, error, isPending } = useQuery({
    queryKey: ['measures', 'homes', year],
    queryFn: ({ signal }) => loadHomes(year, signal),
  });
  return (
    <Box component="section" aria-labelledby="homes-title" sx={{ mt: 2 }}>
      <Title title="Homes" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Link to={`/measures?year=${year}`}>Back to the measures</Link>
            <Typography id="homes-title" component="h1" variant="h4">
              Homes, {reportingYearLabel(year)}
            </Typography>
            <Typography variant="body2">
              CH01 counts complaints per 1,000 homes: enter the homes you own or manage of each
              tenure for the reporting year.
            </Typography>
            <YearPicker year={year} onChange={(next) => setParams({ year: next })} />
            {isPending && <Loading what="Loading the homes" />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {data && (
              <Table size="small" aria-labelledby="homes-title">
                <TableHead>
                  <TableRow>
                    <TableCell component="th" scope="col">
                      Tenure
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Homes
                    </TableCell>
                    <TableCell component="th" scope="col">
                      Last changed
                    </TableCell>
                    {canWrite && (
                      <TableCell component="th" scope="col">
                        Change
                      </TableCell>
                    )}
                  </TableRow>
                </TableHead>
                <TableBody>
                  {HOME_TENURES.map((tenure) => (
                    <HomesRow
                      // A new year's figures start the form afresh.
                      key={`${year}-${tenure}-${data.find((h) => h.tenure === tenure)?.homes ?? ''}`}
                      year={year}
                      tenure={tenure}
                      current={data.find((homes) => homes.tenure === tenure)}
                      canWrite={canWrite}
                    />
                  ))}
                </TableBody>
              </Table>
            )}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
