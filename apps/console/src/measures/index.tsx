import { lazy, Suspense, type ReactNode } from 'react';
import { Route } from 'react-router';
import { Loading } from '../shared/Loading';
import { Permitted } from '../users/Permitted';

// Each page is its own chunk: charts and the CSV parser load only where they are used.
const MeasuresPage = lazy(() =>
  import('./MeasuresPage').then((module) => ({ default: module.MeasuresPage })),
);
const MeasureCasesPage = lazy(() =>
  import('./MeasureCasesPage').then((module) => ({ default: module.MeasureCasesPage })),
);
const AnnualReportPage = lazy(() =>
  import('./AnnualReportPage').then((module) => ({ default: module.AnnualReportPage })),
);
const HomesPage = lazy(() =>
  import('./HomesPage').then((module) => ({ default: module.HomesPage })),
);
const SurveyImportPage = lazy(() =>
  import('./SurveyImportPage').then((module) => ({ default: module.SurveyImportPage })),
);
const ImprovementsPage = lazy(() =>
  import('./ImprovementsPage').then((module) => ({ default: module.ImprovementsPage })),
);

/** A measures page for those allowed it; the API refuses anyone else whatever this shows. */
const Page = ({
  children,
  permission = 'measures:read',
  what = 'see the measures',
}: {
  children: ReactNode;
  permission?: string;
  what?: string;
}) => (
  <Permitted permission={permission} what={what}>
    <Suspense fallback={<Loading />}>{children}</Suspense>
  </Permitted>
);

/** The measures' routes, for App.tsx's CustomRoutes. */
export const measuresRoutes = [
  <Route
    key="measures"
    path="/measures"
    element={
      <Page>
        <MeasuresPage />
      </Page>
    }
  />,
  <Route
    key="cases"
    path="/measures/cases"
    element={
      <Page>
        <MeasureCasesPage />
      </Page>
    }
  />,
  <Route
    key="report"
    path="/measures/report/:year"
    element={
      <Page>
        <AnnualReportPage />
      </Page>
    }
  />,
  <Route
    key="homes"
    path="/measures/homes"
    element={
      <Page>
        <HomesPage />
      </Page>
    }
  />,
  <Route
    key="surveys"
    path="/measures/surveys"
    element={
      <Page permission="surveys:write" what="import survey responses">
        <SurveyImportPage />
      </Page>
    }
  />,
  <Route
    key="improvements"
    path="/measures/improvements"
    element={
      <Page>
        <ImprovementsPage />
      </Page>
    }
  />,
];
