import { lazy, Suspense } from 'react';
import { Route } from 'react-router';
import { Loading } from '../shared/Loading';
import { Permitted } from '../users/Permitted';

const ReviewPanelPage = lazy(() =>
  import('./ReviewPanelPage').then((module) => ({ default: module.ReviewPanelPage })),
);

/** The review panel's page, for those who keep it; the API refuses anyone else. */
export const reviewPanelRoute = (
  <Route
    path="/review-panel"
    element={
      <Permitted permission="panel:manage" what="keep the review panel">
        <Suspense fallback={<Loading />}>
          <ReviewPanelPage />
        </Suspense>
      </Permitted>
    }
  />
);
