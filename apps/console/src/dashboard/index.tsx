import { lazy } from 'react';

/** "My work": the dashboard, loaded as its own chunk. */
const Dashboard = lazy(() => import('./Dashboard'));

export default Dashboard;
