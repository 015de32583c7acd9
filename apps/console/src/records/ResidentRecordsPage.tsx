import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useState, type FormEvent } from 'react';
import { Title } from 'react-admin';
import { AnonymiseDialog } from './AnonymiseDialog';
import { ResidentCases } from './ResidentCases';
import { request } from '../complaints/show/use-graphql-request';
import {
  downloadEverythingHeld,
  findCases,
  NO_PERSON,
  personDetails,
  type ExportFormat,
  type Person,
  type PersonCase,
} from './records.query';

/** A person as searched, with the cases found: what the actions below the list act on. */
interface Found {
  readonly person: Person;
  readonly cases: readonly PersonCase[];
}

const PersonForm = ({ onFound }: { readonly onFound: (found: Found) => void }) => {
  const [person, setPerson] = useState<Person>(NO_PERSON);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const set = (field: keyof Person) => (event: { target: { value: string } }) =>
    setPerson((previous) => ({ ...previous, [field]: event.target.value }));
  const ready = [person.email, person.phone, person.name].some((value) => value.trim() !== '');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onFound({ person, cases: await findCases(person) });
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : 'The search failed.');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box component="form" aria-labelledby="person-form-title" onSubmit={(e) => void submit(e)}>
      <Typography id="person-form-title" component="h2" variant="h6" sx={{ mb: 1 }}>
        Find a resident
      </Typography>
      <Typography variant="body2" sx={{ mb: 2 }}>
        Give what the resident gave you: each detail finds the cases that record it. An address is
        matched with the name.
      </Typography>
      <Stack spacing={2}>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField
            label="Email"
            type="email"
            value={person.email}
            onChange={set('email')}
            sx={{ flex: 1 }}
          />
          <TextField label="Phone" value={person.phone} onChange={set('phone')} sx={{ flex: 1 }} />
        </Stack>
        <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2}>
          <TextField label="Name" value={person.name} onChange={set('name')} sx={{ flex: 1 }} />
          <TextField
            label="Address"
            value={person.address}
            onChange={set('address')}
            sx={{ flex: 1 }}
          />
        </Stack>
        {error && <Alert severity="error">{error}</Alert>}
        <Box>
          <Button type="submit" variant="contained" disabled={!ready || busy}>
            Find their cases
          </Button>
        </Box>
      </Stack>
    </Box>
  );
};

const ExportButtons = ({ person }: { readonly person: Person }) => {
  const [busy, setBusy] = useState<ExportFormat>();
  const [error, setError] = useState<string>();
  const run = (format: ExportFormat) => {
    setBusy(format);
    setError(undefined);
    downloadEverythingHeld(person, format)
      .catch((caught: unknown) =>
        setError(caught instanceof Error ? caught.message : 'The download failed.'),
      )
      .finally(() => setBusy(undefined));
  };
  return (
    <Stack spacing={1}>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1}>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          disabled={busy !== undefined}
          onClick={() => run('pdf')}
        >
          Download everything held (PDF)
        </Button>
        <Button
          variant="outlined"
          startIcon={<FileDownloadOutlined />}
          disabled={busy !== undefined}
          onClick={() => run('json')}
        >
          Download everything held (JSON)
        </Button>
      </Stack>
      {error && (
        <Typography role="alert" variant="body2" color="error">
          {error}
        </Typography>
      )}
      <Typography variant="body2" color="text.secondary">
        Each download is recorded in the security log.
      </Typography>
    </Stack>
  );
};

/** Anonymising the resident found (UK GDPR erasure): once every case of theirs has ended. */
const AnonymiseAction = ({
  found,
  onDone,
}: {
  readonly found: Found;
  readonly onDone: (message: string) => void;
}) => {
  const [open, setOpen] = useState(false);
  const openCases = found.cases.filter((c) => c.closedAt === null);
  return (
    <Stack spacing={1} component="section" aria-labelledby="anonymise-title">
      <Typography id="anonymise-title" component="h3" variant="subtitle1">
        Erasure
      </Typography>
      <Typography variant="body2">
        {openCases.length > 0
          ? `A resident is anonymised once every case of theirs has ended: ${openCases
              .map((c) => c.reference)
              .join(', ')} ${openCases.length === 1 ? 'is' : 'are'} open.`
          : 'Anonymise this resident on their request: every case of theirs, together. Export what is held first if they asked for it.'}
      </Typography>
      <Box>
        <Button
          color="error"
          variant="outlined"
          disabled={found.cases.length === 0 || openCases.length > 0}
          onClick={() => setOpen(true)}
        >
          Anonymise this resident…
        </Button>
      </Box>
      {open && (
        <AnonymiseDialog
          target={{ person: personDetails(found.person) }}
          who="this resident"
          request={request}
          onClose={() => setOpen(false)}
          onDone={(message) => {
            setOpen(false);
            onDone(message);
          }}
        />
      )}
    </Stack>
  );
};

/**
 * Residents' records, for admins: everything held about a person (a subject access request),
 * found by their details, listed, exported, and anonymised (erasure).
 */
export const ResidentRecordsPage = () => {
  const [found, setFound] = useState<Found>();
  const [done, setDone] = useState<string>();
  return (
    <Box sx={{ p: 2 }}>
      <Title title="Residents' records" />
      <Typography component="h1" variant="h5" sx={{ mb: 2 }}>
        Residents&apos; records
      </Typography>
      <Stack spacing={2}>
        <Card>
          <CardContent>
            <PersonForm
              onFound={(next) => {
                setDone(undefined);
                setFound(next);
              }}
            />
          </CardContent>
        </Card>
        {done && (
          <Alert severity="success" role="status">
            {done}
          </Alert>
        )}
        {found && (
          <Card>
            <CardContent>
              <Stack spacing={2} aria-labelledby="found-title" component="section">
                <Typography id="found-title" component="h2" variant="h6">
                  Cases held
                </Typography>
                <ResidentCases cases={found.cases} />
                <ExportButtons person={found.person} />
                <AnonymiseAction
                  found={found}
                  onDone={(message) => {
                    setDone(message);
                    // Their details no longer find them: the list says what is held now.
                    void findCases(found.person).then((cases) => setFound({ ...found, cases }));
                  }}
                />
              </Stack>
            </CardContent>
          </Card>
        )}
      </Stack>
    </Box>
  );
};
