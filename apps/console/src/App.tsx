import { Admin, CustomRoutes, Resource } from 'react-admin';
import { Route } from 'react-router';
import apiKeys from './api-keys';
import auditLog from './audit';
import CalendarPage from './calendar';
import complaints from './complaints';
import Dashboard from './dashboard';
import { dataProvider } from './data-provider';
import { authProvider } from './auth-provider';
import { LoginPage } from './auth-provider/LoginPage';
import { i18nProvider } from './layout/i18n';
import { Layout } from './layout/Layout';
import { theme } from './layout/theme';
import { LoadingPage } from './shared/Loading';
import feedbackItems from './feedback';
import { measuresRoutes } from './measures';
import policies from './policies';
import { recordsRoute } from './records';
import { reviewPanelRoute } from './review-panel';
import teams from './teams';
import users from './users';

/** The only composition root: every resource from its folder's index, the calendar and My work. */
export const App = () => (
  <Admin
    title="Redress"
    dataProvider={dataProvider}
    authProvider={authProvider}
    loginPage={LoginPage}
    requireAuth
    i18nProvider={i18nProvider}
    layout={Layout}
    theme={theme}
    dashboard={Dashboard}
    disableTelemetry
    loading={LoadingPage}
  >
    <Resource name="complaints" {...complaints} />
    <Resource name="feedbackItems" {...feedbackItems} />
    <Resource name="policies" {...policies} />
    <Resource name="users" {...users} />
    <Resource name="teams" {...teams} />
    <Resource name="apiKeys" {...apiKeys} />
    <Resource name="auditLog" {...auditLog} />
    <CustomRoutes>
      <Route path="/calendar" element={<CalendarPage />} />
      {measuresRoutes}
      {reviewPanelRoute}
      {recordsRoute}
    </CustomRoutes>
  </Admin>
);
