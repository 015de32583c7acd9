import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Card from '@mui/material/Card';
import CardContent from '@mui/material/CardContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';
import { Link } from 'react-admin';
import { casesLink } from './measure-names';
import { formatCount, formatPercentage, formatPerThousand, ofText } from './measures-format';
import type { MeasureName, TenureFilter, TsmReport } from './measures.types';
import { reportingYearLabel } from './reporting-year';

interface Scope {
  year: number;
  tenure: TenureFilter;
}

const Tile = ({
  title,
  what,
  figure,
  children,
}: {
  title: string;
  /** What the figure is, under its short name. */
  what: string;
  figure: string;
  children: ReactNode;
}) => (
  <Card
    component="section"
    aria-label={`${title}: ${what}`}
    variant="outlined"
    sx={{ flex: '1 1 180px' }}
  >
    <CardContent>
      <Typography component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {title}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {what}
      </Typography>
      <Typography component="p" variant="h4" sx={{ my: 1 }}>
        {figure}
      </Typography>
      {children}
    </CardContent>
  </Card>
);

/** The cases behind a figure: the numerator's, and the denominator's where it is a rate. */
const CasesLinks = ({
  scope,
  measure,
  numerator,
  denominator,
}: {
  scope: Scope;
  measure: MeasureName;
  numerator: string;
  denominator?: string;
}) => (
  <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 1, flexWrap: 'wrap' }}>
    <Link to={casesLink(scope.year, measure, 'NUMERATOR', scope.tenure)}>{numerator}</Link>
    {denominator && (
      <Link to={casesLink(scope.year, measure, 'DENOMINATOR', scope.tenure)}>{denominator}</Link>
    )}
  </Stack>
);

const Ch01Tile = ({
  stage,
  received,
  figure,
  homes,
  scope,
  canEnterHomes,
}: {
  stage: 1 | 2;
  received: number;
  figure: number | null;
  homes: number | null;
  scope: Scope;
  canEnterHomes: boolean;
}) => (
  <Tile
    title={`CH01 stage ${stage}`}
    what="Complaints per 1,000 homes"
    figure={homes === null ? '—' : formatPerThousand(figure)}
  >
    <Typography variant="body2">
      {formatCount(received)} stage {stage} {received === 1 ? 'complaint' : 'complaints'} received
      {homes !== null && `, ${formatCount(homes)} homes`}
    </Typography>
    {homes === null && (
      <Typography variant="body2" color="warning.main" sx={{ mt: 0.5 }}>
        Homes not entered for {reportingYearLabel(scope.year)}.{' '}
        {canEnterHomes && <Link to={`/measures/homes?year=${scope.year}`}>Enter the homes</Link>}
      </Typography>
    )}
    <CasesLinks
      scope={scope}
      measure={stage === 1 ? 'CH01_STAGE1' : 'CH01_STAGE2'}
      numerator="See the cases"
    />
  </Tile>
);

const Ch02Tile = ({
  stage,
  responded,
  onTime,
  onTimeWithout,
  figure,
  figureWithout,
  scope,
}: {
  stage: 1 | 2;
  responded: number;
  onTime: number;
  onTimeWithout: number;
  figure: number | null;
  figureWithout: number | null;
  scope: Scope;
}) => (
  <Tile
    title={`CH02 stage ${stage}`}
    what="Responded to within the Code’s timescales"
    figure={formatPercentage(figure)}
  >
    {responded === 0 ? (
      <Typography variant="body2">
        No complaints were responded to at stage {stage} in {reportingYearLabel(scope.year)} yet.
      </Typography>
    ) : (
      <>
        <Typography variant="body2">{ofText(onTime, responded)} on time</Typography>
        <Typography variant="body2">
          Without extensions: {formatPercentage(figureWithout)} ({ofText(onTimeWithout, responded)})
        </Typography>
        <CasesLinks
          scope={scope}
          measure={stage === 1 ? 'CH02_STAGE1' : 'CH02_STAGE2'}
          numerator="On time"
          denominator="All responded"
        />
        <CasesLinks
          scope={scope}
          measure={
            stage === 1 ? 'CH02_STAGE1_WITHOUT_EXTENSIONS' : 'CH02_STAGE2_WITHOUT_EXTENSIONS'
          }
          numerator="On time without extensions"
        />
      </>
    )}
  </Tile>
);

/** The Tenant Satisfaction Measures of complaint handling, each with its counts and cases. */
export const TsmTiles = ({
  tsm,
  scope,
  canEnterHomes,
}: {
  tsm: TsmReport;
  scope: Scope;
  canEnterHomes: boolean;
}) => (
  <Box>
    {tsm.homes === null && (
      <Alert severity="warning" sx={{ mb: 2 }}>
        The number of homes for {reportingYearLabel(scope.year)} has not been entered, so CH01
        cannot be worked out.{' '}
        {canEnterHomes ? (
          <Link to={`/measures/homes?year=${scope.year}`}>Enter the homes for the year</Link>
        ) : (
          'An administrator can enter them.'
        )}
      </Alert>
    )}
    <Stack direction="row" useFlexGap spacing={2} sx={{ flexWrap: 'wrap' }}>
      <Ch01Tile
        stage={1}
        received={tsm.stage1Received}
        figure={tsm.ch01Stage1}
        homes={tsm.homes}
        scope={scope}
        canEnterHomes={canEnterHomes}
      />
      <Ch01Tile
        stage={2}
        received={tsm.stage2Received}
        figure={tsm.ch01Stage2}
        homes={tsm.homes}
        scope={scope}
        canEnterHomes={canEnterHomes}
      />
      <Ch02Tile
        stage={1}
        responded={tsm.stage1Responded}
        onTime={tsm.stage1RespondedOnTime}
        onTimeWithout={tsm.stage1RespondedOnTimeWithoutExtensions}
        figure={tsm.ch02Stage1}
        figureWithout={tsm.ch02Stage1WithoutExtensions}
        scope={scope}
      />
      <Ch02Tile
        stage={2}
        responded={tsm.stage2Responded}
        onTime={tsm.stage2RespondedOnTime}
        onTimeWithout={tsm.stage2RespondedOnTimeWithoutExtensions}
        figure={tsm.ch02Stage2}
        figureWithout={tsm.ch02Stage2WithoutExtensions}
        scope={scope}
      />
      <Tile
        title="TP09"
        what="Satisfied with the approach to complaint handling"
        figure={formatPercentage(tsm.tp09)}
      >
        {tsm.surveyRespondents === 0 ? (
          <Typography variant="body2">
            No survey respondents who complained in the last 12 months in{' '}
            {reportingYearLabel(scope.year)} yet.
          </Typography>
        ) : (
          <Typography variant="body2">
            {ofText(tsm.surveySatisfied, tsm.surveyRespondents)} respondents who complained in the
            last 12 months were very or fairly satisfied
          </Typography>
        )}
      </Tile>
    </Stack>
  </Box>
);
