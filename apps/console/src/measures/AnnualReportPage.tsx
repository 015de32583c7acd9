import PrintOutlined from '@mui/icons-material/PrintOutlined';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import GlobalStyles from '@mui/material/GlobalStyles';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useQuery } from '@tanstack/react-query';
import { Link, Title } from 'react-admin';
import { useNavigate, useParams } from 'react-router';
import { formatLocalDate } from '../shared/format';
import { Loading } from '../shared/Loading';
import { loadAnnualReport } from './annual-report.query';
import {
  ImprovementsTable,
  LessonsTable,
  Section,
  SelfAssessment,
  TsmTable,
} from './AnnualReportSections';
import { annualReportPdfPath } from './download';
import { ExportButton } from './ExportButton';
import { OutcomesByCategoryChart } from './MeasureCharts';
import { YearPicker } from './MeasuresFilters';
import { tenureLabel } from './measures-format';
import { OtherMeasures } from './OtherMeasures';
import { currentReportingYear, reportingYearLabel, reportingYearSpan } from './reporting-year';
import { parseYear } from './use-measures-params';

/**
 * Printing shows the report alone: the console's bar, menu and the page's own buttons are left
 * off, and sections are kept from splitting across pages where they fit on one.
 */
const PRINT_STYLES = (
  <GlobalStyles
    styles={{
      '@media print': {
        'header, .RaSidebar-root, .MuiDrawer-root, .MuiDrawer-docked, [data-print="hide"]': {
          display: 'none !important',
        },
        '.RaLayout-content, .RaLayout-appFrame': {
          padding: '0 !important',
          marginTop: '0 !important',
        },
        '.MuiCard-root': { boxShadow: 'none !important', border: 'none !important' },
        body: { background: '#ffffff' },
      },
    }}
  />
);

/** The annual complaints performance and service improvement report, printable, and as a PDF. */
export const AnnualReportPage = () => {
  const params = useParams();
  const navigate = useNavigate();
  const year = parseYear(params.year ?? null, currentReportingYear());
  const { data, error, isPending } = useQuery({
    queryKey: ['measures', 'annual-report', year],
    queryFn: ({ signal }) => loadAnnualReport(year, signal),
  });
  const label = reportingYearLabel(year);
  return (
    <Box component="article" aria-labelledby="report-title" sx={{ mt: 2 }}>
      <Title title="Annual report" />
      {PRINT_STYLES}
      <Card>
        <CardContent>
          <Stack
            direction={{ xs: 'column', md: 'row' }}
            spacing={2}
            data-print="hide"
            sx={{ mb: 2 }}
            alignItems={{ md: 'center' }}
          >
            <Link to={`/measures?year=${year}`}>Back to the measures</Link>
            <YearPicker year={year} onChange={(next) => navigate(`/measures/report/${next}`)} />
            <Button variant="outlined" startIcon={<PrintOutlined />} onClick={() => window.print()}>
              Print
            </Button>
            <ExportButton
              path={data?.pdfPath ?? annualReportPdfPath(year)}
              fileName={`complaints-annual-report-${label}.pdf`}
              label="Download PDF"
            />
          </Stack>
          <Typography id="report-title" component="h1" variant="h4">
            {data?.title ?? `Complaints performance and service improvement report, ${label}`}
          </Typography>
          <Typography>{reportingYearSpan(year)}</Typography>
          {isPending && <Loading what="Loading the report" />}
          {error && <Alert severity="error">{error.message}</Alert>}
          {data && (
            <>
              <Typography variant="body2" color="text.secondary">
                Prepared on {formatLocalDate(data.preparedOn)}
                {data.preparedOn <= data.to
                  ? ', while the year is still running: the figures are to that day.'
                  : '.'}
              </Typography>
              <Section id="report-tsm" title="Tenant Satisfaction Measures">
                <TsmTable tsm={data.tsm} caption="All tenures" />
                {data.tsmByTenure.map((tsm) => (
                  <TsmTable key={tsm.tenure} tsm={tsm} caption={tenureLabel(tsm.tenure)} />
                ))}
              </Section>
              <Box sx={{ mt: 3 }}>
                <OtherMeasures
                  measures={data.measures}
                  year={year}
                  tenure={null}
                  actionsTarget={data.actionsOnTimeTarget}
                />
              </Box>
              <Box sx={{ mt: 3 }}>
                <OutcomesByCategoryChart year={year} outcomes={data.measures.outcomesByCategory} />
              </Box>
              <Section
                id="report-self-assessment"
                title="Self-assessment against the Complaint Handling Code"
                empty={
                  data.selfAssessment.length === 0 &&
                  `No complaints were handled under a policy in ${label}.`
                }
              >
                <SelfAssessment policies={data.selfAssessment} />
              </Section>
              <Section
                id="report-lessons"
                title="Lessons learnt"
                empty={data.lessons.length === 0 && `No lessons were recorded in ${label}.`}
              >
                <LessonsTable lessons={data.lessons} />
                {data.lessonsNotListed && (
                  <Typography sx={{ mt: 1 }}>
                    More lessons were recorded than the report lists; each case holds its own.
                  </Typography>
                )}
              </Section>
              <Section
                id="report-improvements"
                title="You said, we did"
                empty={
                  data.improvements.length === 0 &&
                  `No “You said, we did” entries were recorded for ${label}.`
                }
              >
                <ImprovementsTable improvements={data.improvements} />
              </Section>
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
