import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link, Title, usePermissions } from 'react-admin';
import { Loading } from '../shared/Loading';
import { BreakdownPanel } from './BreakdownPanel';
import { measuresCsvPath } from './download';
import { ExportButton } from './ExportButton';
import { Ch02ByMonthChart, OutcomesByCategoryChart } from './MeasureCharts';
import { MeasuresFilters } from './MeasuresFilters';
import { granted } from './measures-permissions';
import { loadBreakdown, loadOverview } from './measures.query';
import { OtherMeasures } from './OtherMeasures';
import { reportingYearLabel, reportingYearSpan } from './reporting-year';
import { TsmTiles } from './TsmTiles';
import { useMeasuresParams } from './use-measures-params';

/** What the analysts' pages link to, each shown to those allowed to use it. */
const MeasuresLinks = ({ year, permissions }: { year: number; permissions: unknown }) => (
  <Stack
    direction="row"
    spacing={1}
    useFlexGap
    sx={{ flexWrap: 'wrap', justifyContent: { md: 'flex-end' } }}
  >
    <Button component={Link} to={`/measures/report/${year}`} size="small" variant="outlined">
      Annual report
    </Button>
    <Button
      component={Link}
      to={`/measures/improvements?year=${year}`}
      size="small"
      variant="outlined"
    >
      You said, we did
    </Button>
    {granted(permissions, 'homes:write') && (
      <Button component={Link} to={`/measures/homes?year=${year}`} size="small" variant="outlined">
        Homes
      </Button>
    )}
    {granted(permissions, 'surveys:write') && (
      <Button component={Link} to="/measures/surveys" size="small" variant="outlined">
        Import survey responses
      </Button>
    )}
  </Stack>
);

/**
 * The year's measures of complaint handling: the Tenant Satisfaction Measures first, their
 * charts and any figure's breakdown, then the other measures; every figure leads to its cases.
 */
export const MeasuresPage = () => {
  const [{ year, tenure }, setParams] = useMeasuresParams();
  const { permissions } = usePermissions();
  const overview = useQuery({
    queryKey: ['measures', 'overview', year, tenure],
    queryFn: ({ signal }) => loadOverview(year, tenure, signal),
  });
  const months = useQuery({
    queryKey: ['measures', 'ch02-months', year, tenure],
    queryFn: ({ signal }) =>
      Promise.all([
        loadBreakdown(year, 'CH02_STAGE1', 'MONTH', tenure, signal),
        loadBreakdown(year, 'CH02_STAGE2', 'MONTH', tenure, signal),
      ]),
  });

  return (
    <Box component="section" aria-labelledby="measures-title" sx={{ mt: 2 }}>
      <Title title="Measures" />
      <Stack spacing={3}>
        <Stack
          direction={{ xs: 'column', md: 'row' }}
          spacing={2}
          justifyContent="space-between"
          alignItems={{ md: 'flex-start' }}
        >
          <Box>
            <Typography id="measures-title" component="h1" variant="h4">
              Measures, {reportingYearLabel(year)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {reportingYearSpan(year)}
            </Typography>
          </Box>
          <MeasuresLinks year={year} permissions={permissions} />
        </Stack>
        <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems={{ md: 'center' }}>
          <MeasuresFilters year={year} tenure={tenure} onChange={setParams} />
          <ExportButton
            path={measuresCsvPath(year, tenure)}
            fileName={`measures-${year}${tenure ? `-${tenure.toLowerCase()}` : ''}.csv`}
            label="Download the measures (CSV)"
          />
        </Stack>
        {overview.isPending && <Loading what="Loading the measures" />}
        {overview.error && <Alert severity="error">{overview.error.message}</Alert>}
        {overview.data && (
          <>
            <Box component="section" aria-labelledby="tsm-title">
              <Typography id="tsm-title" component="h2" variant="h5" sx={{ mb: 1 }}>
                Tenant Satisfaction Measures
              </Typography>
              <TsmTiles
                tsm={overview.data.tsm}
                scope={{ year, tenure }}
                canEnterHomes={granted(permissions, 'homes:write')}
              />
            </Box>
            <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2}>
              <Card variant="outlined" sx={{ flex: 1 }}>
                <CardContent>
                  {months.error && <Alert severity="error">{months.error.message}</Alert>}
                  {months.isPending && <Loading what="Loading CH02 by month" />}
                  {months.data && (
                    <Ch02ByMonthChart year={year} stage1={months.data[0]} stage2={months.data[1]} />
                  )}
                </CardContent>
              </Card>
              <Card variant="outlined" sx={{ flex: 1 }}>
                <CardContent>
                  <OutcomesByCategoryChart
                    year={year}
                    outcomes={overview.data.measures.outcomesByCategory}
                  />
                </CardContent>
              </Card>
            </Stack>
            <Card variant="outlined" component="section" aria-labelledby="breakdown-title">
              <CardContent>
                <Typography id="breakdown-title" component="h2" variant="h5" sx={{ mb: 2 }}>
                  Break a figure down
                </Typography>
                <BreakdownPanel year={year} tenure={tenure} />
              </CardContent>
            </Card>
            <Box component="section" aria-labelledby="other-measures">
              <OtherMeasures
                measures={overview.data.measures}
                year={year}
                tenure={tenure}
                actionsTarget={overview.data.measures.actionsOnTimeTarget}
              />
            </Box>
          </>
        )}
      </Stack>
    </Box>
  );
};
