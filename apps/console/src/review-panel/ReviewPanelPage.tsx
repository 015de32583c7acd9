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
import { Title, useNotify } from 'react-admin';
import { formatLocalDate, todayInLondon } from '../shared/format';
import { Loading } from '../shared/Loading';
import { addMember, loadPanel, withdrawConsent, type PanelMember } from './review-panel.query';

const KEY = ['review-panel'];
const th = { component: 'th', scope: 'col' } as const;
const EMPTY = {
  name: '',
  addressLines: '',
  postcode: '',
  consentGivenOn: '',
  conflictsDeclared: '',
};

const blankToNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

const MemberForm = () => {
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
      await addMember({
        name: values.name.trim(),
        addressLines: values.addressLines.trim(),
        postcode: blankToNull(values.postcode),
        consentGivenOn: blankToNull(values.consentGivenOn),
        conflictsDeclared: blankToNull(values.conflictsDeclared),
      });
      setValues(EMPTY);
      notify('Added to the review panel.', { type: 'success' });
      await client.invalidateQueries({ queryKey: KEY });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The member was not added.');
    } finally {
      setSaving(false);
    }
  };
  const ready = values.name.trim() !== '' && values.addressLines.trim() !== '';
  return (
    <Box component="form" aria-labelledby="panel-form-title" onSubmit={(e) => void submit(e)}>
      <Typography id="panel-form-title" component="h2" variant="h6" sx={{ mb: 1 }}>
        Add a resident to the panel
      </Typography>
      <Stack spacing={2}>
        <TextField label="Name" value={values.name} onChange={set('name')} required />
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Address"
            helperText="Their home, e.g. Flat 2, 12 Mill Lane: nobody reviews a complaint about their own home or a neighbour's"
            value={values.addressLines}
            onChange={set('addressLines')}
            multiline
            required
            sx={{ flex: 1 }}
          />
          <TextField label="Postcode" value={values.postcode} onChange={set('postcode')} />
        </Stack>
        <TextField
          label="Consent given on"
          type="date"
          helperText="Leave empty until they have consented: they are not offered as a reviewer before"
          value={values.consentGivenOn}
          onChange={set('consentGivenOn')}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        <TextField
          label="Conflicts declared"
          helperText="One a line; a line naming a home (such as 14 Mill Lane) is treated as a home of theirs"
          value={values.conflictsDeclared}
          onChange={set('conflictsDeclared')}
          multiline
          minRows={2}
        />
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={!ready || saving}>
            Add to the panel
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

const Withdraw = ({ member }: { member: PanelMember }) => {
  const notify = useNotify();
  const client = useQueryClient();
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    try {
      await withdrawConsent(member.id, todayInLondon());
      notify(`${member.name}'s consent withdrawn.`, { type: 'success' });
      await client.invalidateQueries({ queryKey: KEY });
    } catch (caught) {
      notify(caught instanceof Error ? caught.message : 'The consent was not withdrawn.', {
        type: 'error',
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Button
      size="small"
      onClick={() => void withdraw()}
      disabled={busy}
      aria-label={`Withdraw consent of ${member.name}`}
    >
      Withdraw consent
    </Button>
  );
};

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

const consentOf = (member: PanelMember): string =>
  member.consentWithdrawnOn
    ? `Withdrawn ${formatLocalDate(member.consentWithdrawnOn)}`
    : member.consentGivenOn
      ? `Given ${formatLocalDate(member.consentGivenOn)}`
      : 'Not given yet';

const MemberTable = ({ members }: { members: readonly PanelMember[] }) =>
  members.length === 0 ? (
    <Typography>Nobody is on the review panel yet.</Typography>
  ) : (
    <Table size="small" aria-label="The review panel">
      <TableHead>
        <TableRow>
          <TableCell {...th}>Name</TableCell>
          <TableCell {...th}>Home</TableCell>
          <TableCell {...th}>Consent</TableCell>
          <TableCell {...th}>Conflicts declared</TableCell>
          <TableCell {...th}>
            <Box component="span" sx={visuallyHidden}>
              Actions
            </Box>
          </TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {members.map((member) => (
          <TableRow key={member.id}>
            <TableCell component="th" scope="row">
              {member.name}
            </TableCell>
            <TableCell>
              {[member.addressLines, member.postcode].filter(Boolean).join(', ')}
            </TableCell>
            <TableCell>{consentOf(member)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-line' }}>{member.conflictsDeclared ?? '—'}</TableCell>
            <TableCell>{member.available && <Withdraw member={member} />}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );

/**
 * The stage 2 review panel (seed 004): the residents who review complaints with a manager, their
 * consent and the conflicts they declared. Whether one may review a case is the API's answer.
 */
export const ReviewPanelPage = () => {
  const { data, error, isPending } = useQuery({ queryKey: KEY, queryFn: loadPanel });
  return (
    <Box component="section" aria-labelledby="review-panel-title" sx={{ mt: 2 }}>
      <Title title="Review panel" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Typography id="review-panel-title" component="h1" variant="h4">
              The stage 2 review panel
            </Typography>
            <Typography>
              Residents who review stage 2 complaints with an independent manager. A member is
              offered as a reviewer once they have consented, until they withdraw.
            </Typography>
            {isPending && <Loading what="Loading the panel" />}
            {error && <Alert severity="error">{error.message}</Alert>}
            {data && <MemberTable members={data} />}
            <MemberForm />
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
