import polyglotI18nProvider from 'ra-i18n-polyglot';
import englishMessages from 'ra-language-english';
import type { TranslationMessages } from 'react-admin';

/**
 * react-admin's English, in British English and the console's words: "Sign in", "Sign out",
 * UK spellings. Only what differs is listed; the rest is react-admin's own.
 */
const british: TranslationMessages = {
  ...englishMessages,
  ra: {
    ...englishMessages.ra,
    auth: {
      ...englishMessages.ra.auth,
      sign_in: 'Sign in',
      sign_in_error: 'Signing in failed: try again.',
      logout: 'Sign out',
      user_menu: 'Your account',
      auth_check_error: 'Sign in to continue.',
      username: 'Email address',
    },
    action: {
      ...englishMessages.ra.action,
      clear_input_value: 'Clear',
      search: 'Search',
      select_columns: 'Columns',
    },
    navigation: {
      ...englishMessages.ra.navigation,
      no_results: 'Nothing matches these filters.',
      skip_nav: 'Skip to the content',
    },
    page: {
      ...englishMessages.ra.page,
      dashboard: 'My work',
      empty: 'No %{name} yet.',
      invite: 'Would you like to add one?',
    },
    notification: {
      ...englishMessages.ra.notification,
      http_error: 'The Redress API could not be reached: check your connection.',
      logged_out: 'Your session has ended: sign in again to continue.',
      not_authorized: 'You do not have permission to see this.',
      canceled: 'Cancelled',
    },
    message: {
      ...englishMessages.ra.message,
      error: 'Something went wrong and your request did not complete.',
    },
  },
};

export const i18nProvider = polyglotI18nProvider(() => british, 'en-GB', [
  { locale: 'en-GB', name: 'English (UK)' },
]);
