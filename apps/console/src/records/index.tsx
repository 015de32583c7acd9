import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Loading } from '../shared/Loading';
import { Permitted } from '../users/Permitted';

const ResidentRecordsPage = lazy(() =>
  import('./ResidentRecordsPage').then((module) => ({ default: module.ResidentRecordsPage })),
);

/** Residents' records, for those who keep them; the API refuses anyone else. */
export const recordsRoute = (
  <Route
    path="/records"
    element={
      <Permitted permission="records:manage" what="read or export residents' records">
        <Suspense fallback={<Loading />}>
          <ResidentRecordsPage />
        </Suspense>
      </Permitted>
    }
  />
);
