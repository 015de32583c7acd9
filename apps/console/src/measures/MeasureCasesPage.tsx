import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tab from '@mui/material/Tab';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Tabs from '@mui/material/Tabs';
import Typography from '@mui/material/Typography';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Link, Title } from 'react-admin';
import { useSearchParams } from 'react-router';
import { categoryLabel, formatLocalDate } from '../shared/format';
import { Loading } from '../shared/Loading';
import { casesCsvPath } from './download';
import { ExportButton } from './ExportButton';
import { isMeasureName, isMeasurePart, MEASURE_WORDING } from './measure-names';
import { formatCount, outcomeLabel, tenureLabel } from './measures-format';
import { loadMeasureCases } from './measures.query';
import type { MeasureCase, MeasureName, MeasurePart } from './measures.types';
import { currentReportingYear, reportingYearLabel } from './reporting-year';
import { parseTenure, parseYear } from './use-measures-params';

const th = { component: 'th', scope: 'col' } as const;

/** LCRA and LCHO as the Regulator abbreviates them; the page's line above names them in full. */
const shortTenure = (tenure: string) => (tenure === 'OTHER' ? 'Other' : tenure);

const onTimeText = (value: boolean | null) => (value === null ? '—' : value ? 'Yes' : 'No');

/** The figure's two dates: a stage's receipt and response, or an action's due and done dates. */
function datesOf(c: MeasureCase, actions: boolean): [string | null, string | null] {
  return actions ? [c.dueOn, c.respondedOn] : [c.receivedOn, c.respondedOn];
}

const CaseRows = ({ cases, actions }: { cases: readonly MeasureCase[]; actions: boolean }) => (
  <>
    {cases.map((c) => (
      <TableRow key={`${c.id}-${c.stage}-${c.actionId ?? ''}`}>
        <TableCell component="th" scope="row" sx={{ whiteSpace: 'nowrap' }}>
          <Link to={`/complaints/${c.id}/show`}>{c.reference}</Link>
        </TableCell>
        <TableCell sx={{ whiteSpace: 'nowrap' }}>Stage {c.stage}</TableCell>
        <TableCell>{shortTenure(c.tenure)}</TableCell>
        <TableCell>{categoryLabel(c.category)}</TableCell>
        {datesOf(c, actions).map((date, i) => (
          <TableCell key={i} sx={{ whiteSpace: 'nowrap' }}>
            {formatLocalDate(date) || '—'}
          </TableCell>
        ))}
        <TableCell>{onTimeText(c.onTime)}</TableCell>
        <TableCell>{outcomeLabel(c.outcome)}</TableCell>
      </TableRow>
    ))}
  </>
);

const CasesTable = ({
  year,
  measure,
  part,
  tenure,
}: {
  year: number;
  measure: MeasureName;
  part: MeasurePart;
  tenure: 'LCRA' | 'LCHO' | null;
}) => {
  const wording = MEASURE_WORDING[measure];
  const heading = part === 'NUMERATOR' ? wording.numerator : wording.denominator;
  const actions = measure === 'ACTIONS_ON_TIME';
  const query = useInfiniteQuery({
    queryKey: ['measures', 'cases', year, measure, part, tenure],
    queryFn: ({ pageParam, signal }) =>
      loadMeasureCases({ year, measure, part, tenure, after: pageParam }, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  if (query.isPending) return <Loading what="Loading the cases" />;
  if (query.error) return <Alert severity="error">{query.error.message}</Alert>;
  const cases = query.data.pages.flatMap((page) => page.nodes);
  const total = query.data.pages[0]?.totalCount ?? cases.length;
  if (cases.length === 0) {
    return (
      <Typography>
        No cases are counted here for {reportingYearLabel(year)}: {heading.toLowerCase()}, none yet.
      </Typography>
    );
  }
  return (
    <>
      <Typography sx={{ mb: 1 }}>
        {heading}: {formatCount(total)} {total === 1 ? 'case' : 'cases'}
        {cases.length < total ? `, ${formatCount(cases.length)} shown` : ''}.
      </Typography>
      <Table size="small" aria-label={heading}>
        <TableHead>
          <TableRow>
            <TableCell {...th}>Reference</TableCell>
            <TableCell {...th}>Stage</TableCell>
            <TableCell {...th}>Tenure</TableCell>
            <TableCell {...th}>Category</TableCell>
            <TableCell {...th}>{actions ? 'Action due' : 'Received'}</TableCell>
            <TableCell {...th}>{actions ? 'Completed' : 'Responded'}</TableCell>
            <TableCell {...th}>On time</TableCell>
            <TableCell {...th}>Outcome</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          <CaseRows cases={cases} actions={actions} />
        </TableBody>
      </Table>
      {query.hasNextPage && (
        <Button
          sx={{ mt: 2 }}
          variant="outlined"
          disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}
        >
          Show more cases
        </Button>
      )}
    </>
  );
};

/** The cases behind a figure: those it counts (numerator) or all it counts among (denominator). */
export const MeasureCasesPage = () => {
  const [search, setSearch] = useSearchParams();
  const year = parseYear(search.get('year'), currentReportingYear());
  const tenure = parseTenure(search.get('tenure'));
  const measure = search.get('measure');
  const partParam = search.get('part');
  const part: MeasurePart = isMeasurePart(partParam) ? partParam : 'NUMERATOR';
  const back = `/measures?${new URLSearchParams({ year: String(year), ...(tenure ? { tenure } : {}) })}`;

  if (!isMeasureName(measure)) {
    return (
      <Box sx={{ mt: 2 }}>
        <Title title="Measures" />
        <Alert severity="error">
          There is no figure of that name. <Link to={back}>Back to the measures</Link>
        </Alert>
      </Box>
    );
  }
  const wording = MEASURE_WORDING[measure];
  const tabs: readonly MeasurePart[] =
    wording.kind === 'rate' ? ['NUMERATOR', 'DENOMINATOR'] : ['NUMERATOR'];
  return (
    <Box component="section" aria-labelledby="cases-title" sx={{ mt: 2 }}>
      <Title title="Measures" />
      <Stack spacing={2}>
        <Link to={back}>Back to the measures</Link>
        <Typography id="cases-title" component="h1" variant="h4">
          {wording.label}, {reportingYearLabel(year)}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {tenureLabel(tenure)}. References, dates and outcomes only: open a case for more.
        </Typography>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} justifyContent="space-between">
          {tabs.length > 1 ? (
            <Tabs
              value={part}
              onChange={(_event, next: MeasurePart) =>
                setSearch(
                  (previous) => {
                    const merged = new URLSearchParams(previous);
                    merged.set('part', next);
                    return merged;
                  },
                  { replace: true },
                )
              }
              aria-label="Which cases"
            >
              <Tab value="NUMERATOR" label={wording.numerator} />
              <Tab value="DENOMINATOR" label={wording.denominator} />
            </Tabs>
          ) : (
            <span />
          )}
          <ExportButton
            path={casesCsvPath(year, measure, part, tenure)}
            fileName={`${measure.toLowerCase()}-${part.toLowerCase()}-${year}.csv`}
            label="Download these cases (CSV)"
          />
        </Stack>
        <CasesTable year={year} measure={measure} part={part} tenure={tenure} />
      </Stack>
    </Box>
  );
};
