// Preloaded by `pnpm start` (node --import): the API runs in production mode unless told
// otherwise. graphql-js reads NODE_ENV once, when it is first imported, and in development mode
// checks every `instanceof` it makes (about 5% of a list request), so it is set before main.ts
// imports anything.
process.env.NODE_ENV ??= 'production';
