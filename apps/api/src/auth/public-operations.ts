/**
 * The operations anyone may call without signing in, each with why. Everything else needs a
 * named permission; a test reads the schema and fails on an operation in neither list.
 */
export const PUBLIC_OPERATIONS: Readonly<Record<string, string>> = {
  'Mutation.signIn': 'How one signs in.',
  'Mutation.refreshSession': 'Carries its own credential: the refresh cookie.',
  // The identity provider's callback has two halves: the URL one is sent to, and the return.
  'Mutation.startOidcSignIn': 'How one begins signing in through the identity provider.',
  'Mutation.completeOidcSignIn':
    "The identity provider's callback: carries its own proof (code, state, PKCE, cookie).",
  'Query.oidcSignInAvailable': 'Says which sign-in button the sign-in page shows.',
  'Query.addWorkingDays': 'Public arithmetic over public bank holidays.',
  'Query.isWorkingDay': 'Public arithmetic over public bank holidays.',
  'Query.bankHolidays': "GOV.UK's published bank holidays, public by nature.",
};
