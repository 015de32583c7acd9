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
import { useState, type FormEvent } from 'react';
import { Link, Title, useNotify, usePermissions } from 'react-admin';
import { errorCode } from '../shared/errors';
import { categoryLabel, formatLocalDate } from '../shared/format';
import { Loading } from '../shared/Loading';
import { YearPicker } from './MeasuresFilters';
import { granted } from './measures-permissions';
import { loadImprovements, saveImprovement } from './measures.query';
import type { Improvement } from './measures.types';
import { reportingYearLabel } from './reporting-year';
import { useMeasuresParams } from './use-measures-params';

const th = { component: 'th', scope: 'col' } as const;

/** "CMP-2026-000012, CMP-2026-000040" → the references, or null when none are given. */
export function referencesOf(text: string): string[] | null {
  const references = text
    .split(/[\s,;]+/)
    .map((reference) => reference.trim().toUpperCase())
    .filter(Boolean);
  return references.length > 0 ? references : null;
}

const EMPTY = { youSaid: '', weDid: '', category: '', complaintReferences: '' };

const ImprovementForm = ({ year }: { year: number }) => {
  const [values, setValues] = useState(EMPTY);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string>();
  const notify = useNotify();
  const client = useQueryClient();
  const set = (field: keyof typeof EMPTY) => (event: { target: { value: string } }) =>
    setValues((previous) => ({ ...previous, [field]: event.target.value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      await saveImprovement({
        year,
        youSaid: values.youSaid.trim(),
        weDid: values.weDid.trim(),
        category: values.category.trim() || null,
        complaintReferences: referencesOf(values.complaintReferences),
      });
      setValues(EMPTY);
      notify('“You said, we did”: recorded.', { type: 'success' });
      await client.invalidateQueries({ queryKey: ['measures', 'improvements', year] });
    } catch (caught) {
      setError(
        caught instanceof Error
          ? caught.message
          : `The entry was not recorded (${errorCode(caught) ?? 'error'}).`,
      );
    } finally {
      setSaving(false);
    }
  };
  const ready = values.youSaid.trim() !== '' && values.weDid.trim() !== '';
  return (
    <Box component="form" aria-labelledby="improvement-form-title" onSubmit={(e) => void submit(e)}>
      <Typography id="improvement-form-title" component="h2" variant="h6" sx={{ mb: 1 }}>
        Add an entry for {reportingYearLabel(year)}
      </Typography>
      <Stack spacing={2}>
        <TextField
          label="You said"
          helperText="What residents told you, in their words"
          value={values.youSaid}
          onChange={set('youSaid')}
          multiline
          minRows={2}
          required
        />
        <TextField
          label="We did"
          helperText="What changed as a result"
          value={values.weDid}
          onChange={set('weDid')}
          multiline
          minRows={2}
          required
        />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Category"
            helperText="Optional, such as repairs"
            value={values.category}
            onChange={set('category')}
          />
          <TextField
            label="Complaint references"
            helperText="Optional, such as CMP-2026-000012, CMP-2026-000040"
            value={values.complaintReferences}
            onChange={set('complaintReferences')}
            sx={{ flex: 1 }}
          />
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={!ready || saving}>
            Record the entry
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

const ImprovementTable = ({ entries, year }: { entries: Improvement[]; year: number }) =>
  entries.length === 0 ? (
    <Typography>No “You said, we did” entries for {reportingYearLabel(year)} yet.</Typography>
  ) : (
    <Table size="small" aria-label={`You said, we did, ${reportingYearLabel(year)}`}>
      <TableHead>
        <TableRow>
          <TableCell {...th}>You said</TableCell>
          <TableCell {...th}>We did</TableCell>
          <TableCell {...th}>Category</TableCell>
          <TableCell {...th}>Complaints</TableCell>
          <TableCell {...th}>Recorded</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell component="th" scope="row">
              {entry.youSaid}
            </TableCell>
            <TableCell>{entry.weDid}</TableCell>
            <TableCell>{entry.category ? categoryLabel(entry.category) : '—'}</TableCell>
            <TableCell>{entry.complaintReferences.join(', ') || '—'}</TableCell>
            <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatLocalDate(entry.recordedAt)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

/** "You said, we did": what the landlord changed because of complaints, year by year. */
export const ImprovementsPage = () => {
  const [{ year }, setParams] = useMeasuresParams();
  const { permissions } = usePermissions();
  const { data, error, isPending } = useQuery({
    queryKey: ['measures', 'improvements', year],
    queryFn: ({ signal }) => loadImprovements(year, signal),
  });
  return (
    <Box component="section" aria-labelledby="improvements-title" sx={{ mt: 2 }}>
      <Title title="You said, we did" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Link to={`/measures?year=${year}`}>Back to the measures</Link>
            <Typography id="improvements-title" component="h1" variant="h4">
              You said, we did, {reportingYearLabel(year)}
            </Typography>
            <YearPicker year={year} onChange={(next) => setParams({ year: next })} />
            {isPending && <Loading what="Loading the entries" />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {data && <ImprovementTable entries={data} year={year} />}
            {granted(permissions, 'improvements:write') && <ImprovementForm year={year} />}
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
