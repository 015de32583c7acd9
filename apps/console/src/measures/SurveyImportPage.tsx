import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import LinearProgress from '@mui/material/LinearProgress';
import Stack from '@mui/material/Stack';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, Title } from 'react-admin';
import { formatCount } from './measures-format';
import { sendSurveyResponses } from './measures.query';
import type { SurveyImport } from './measures.types';
import { chunksOf, parseSurveyCsv, SURVEY_COLUMNS, type SurveyFile } from './survey-csv';

/** Rows sent per call: well under the API's 5,000, so each call stays quick. */
export const SURVEY_CHUNK = 1000;
/** Rows shown in the preview: rows with errors first, at most MAX_ERROR_ROWS of them. */
const PREVIEW_ROWS = 50;
const MAX_ERROR_ROWS = 200;

type Sending =
  | { state: 'idle' }
  | { state: 'sending'; sent: number; total: number }
  | { state: 'done'; result: SurveyImport }
  | { state: 'failed'; message: string; result: SurveyImport };

const th = { component: 'th', scope: 'col' } as const;

const Preview = ({ file }: { file: SurveyFile }) => {
  const bad = file.rows.filter((row) => row.problems.length > 0);
  const listedBad = bad.slice(0, MAX_ERROR_ROWS);
  const shown = [
    ...listedBad,
    ...file.rows
      .filter((row) => row.problems.length === 0)
      .slice(0, Math.max(0, PREVIEW_ROWS - listedBad.length)),
  ];
  return (
    <>
      {bad.length > listedBad.length && (
        <Typography>
          The first {formatCount(listedBad.length)} rows with errors are shown, of{' '}
          {formatCount(bad.length)}.
        </Typography>
      )}
      <Table size="small" aria-label="Rows in the file">
        <TableHead>
          <TableRow>
            <TableCell {...th}>Line</TableCell>
            {SURVEY_COLUMNS.map((column) => (
              <TableCell key={column} {...th}>
                {column}
              </TableCell>
            ))}
            <TableCell {...th}>Errors</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {shown.map((row) => (
            <TableRow key={row.line} sx={row.problems.length ? { bgcolor: '#fdecea' } : undefined}>
              <TableCell component="th" scope="row">
                {row.line}
              </TableCell>
              {SURVEY_COLUMNS.map((column) => (
                <TableCell key={column}>{row.values[column] ?? ''}</TableCell>
              ))}
              <TableCell sx={{ color: 'error.main' }}>
                {row.problems.length ? row.problems.join('; ') : 'None'}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

const resultText = (result: SurveyImport) =>
  `${formatCount(result.recorded)} recorded, ${formatCount(result.unchanged)} unchanged`;

/**
 * The perception survey's responses (TP09), imported from a CSV: read and checked in the
 * browser, every row's errors shown before anything is sent, then sent in chunks. Sending the
 * same file again changes nothing: a response is known by its respondent and date.
 */
export const SurveyImportPage = () => {
  const [fileName, setFileName] = useState<string>();
  const [file, setFile] = useState<SurveyFile>();
  const [sending, setSending] = useState<Sending>({ state: 'idle' });
  const client = useQueryClient();

  const choose = async (chosen: File | undefined) => {
    setSending({ state: 'idle' });
    setFile(undefined);
    setFileName(chosen?.name);
    if (chosen) setFile(parseSurveyCsv(await chosen.text()));
  };

  const send = async () => {
    if (!file) return;
    const responses = file.rows.map((row) => row.response!);
    const total = responses.length;
    const result: SurveyImport = { recorded: 0, unchanged: 0 };
    setSending({ state: 'sending', sent: 0, total });
    for (const chunk of chunksOf(responses, SURVEY_CHUNK)) {
      try {
        const answer = await sendSurveyResponses(chunk);
        result.recorded += answer.recorded;
        result.unchanged += answer.unchanged;
        setSending({ state: 'sending', sent: result.recorded + result.unchanged, total });
      } catch (error) {
        setSending({
          state: 'failed',
          message: error instanceof Error ? error.message : 'The responses were not recorded.',
          result: { ...result },
        });
        return;
      }
    }
    setSending({ state: 'done', result });
    await client.invalidateQueries({ queryKey: ['measures'] });
  };

  const badRows = file?.rows.filter((row) => row.problems.length > 0).length ?? 0;
  const ready = file !== undefined && file.problems.length === 0 && badRows === 0;

  return (
    <Box component="section" aria-labelledby="survey-title" sx={{ mt: 2 }}>
      <Title title="Survey responses" />
      <Card>
        <CardContent>
          <Stack spacing={2}>
            <Link to="/measures">Back to the measures</Link>
            <Typography id="survey-title" component="h1" variant="h4">
              Import survey responses
            </Typography>
            <Typography variant="body2">
              A CSV file with a header row and the columns {SURVEY_COLUMNS.join(', ')}. Tenure is
              LCRA, LCHO or OTHER; dates are written YYYY-MM-DD; complained_in_last_12_months is yes
              or no; complaint_handling is one of the five answers (Very satisfied to Very
              dissatisfied) or empty. The respondent is the survey&apos;s own id, not a name.
            </Typography>
            <Box>
              <Button component="label" variant="outlined" startIcon={<UploadFileOutlined />}>
                Choose a CSV file
                <input
                  type="file"
                  accept=".csv,text/csv"
                  hidden
                  aria-label="Survey CSV file"
                  onChange={(event) => void choose(event.target.files?.[0])}
                />
              </Button>
              {fileName && (
                <Typography component="span" sx={{ ml: 2 }}>
                  {fileName}
                </Typography>
              )}
            </Box>
            {file?.problems.map((problem) => (
              <Alert key={problem} severity="error">
                {problem}
              </Alert>
            ))}
            {file && file.rows.length > 0 && (
              <>
                <Typography role="status">
                  {formatCount(file.rows.length)} {file.rows.length === 1 ? 'row' : 'rows'},{' '}
                  {badRows === 0
                    ? 'none with errors.'
                    : `${formatCount(badRows)} with errors: correct the file and choose it again.`}
                </Typography>
                <Preview file={file} />
              </>
            )}
            {sending.state === 'sending' && (
              <Box role="status">
                <Typography>
                  Sending: {formatCount(sending.sent)} of {formatCount(sending.total)}
                </Typography>
                <LinearProgress
                  variant="determinate"
                  value={(sending.sent / sending.total) * 100}
                  aria-label="Sending the responses"
                />
              </Box>
            )}
            {sending.state === 'done' && (
              <Alert severity="success" role="status">
                {resultText(sending.result)}.
              </Alert>
            )}
            {sending.state === 'failed' && (
              <Alert severity="error">
                {sending.message} Before that: {resultText(sending.result)}. Sending the file again
                is safe: rows already recorded stay unchanged.
              </Alert>
            )}
            <Box>
              <Button
                variant="contained"
                disabled={!ready || sending.state === 'sending'}
                onClick={() => void send()}
              >
                Record {file ? formatCount(file.rows.length) : ''} responses
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
};
