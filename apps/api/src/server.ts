import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import type { BankHolidaysData } from '@redress/domain';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import { pino, type Logger } from 'pino';
import { WebSocketServer } from 'ws';
import {
  createAppContext,
  type AppContext,
  type ContextDeps,
  type HttpExchange,
} from './app-context.js';
import type { AuthService } from './auth/auth.service.js';
import { authenticate } from './auth/authenticate.js';
import { introspectionGuard } from './auth/introspection-guard.plugin.js';
import type { Principal } from './auth/principal.js';
import { refreshTokenFromCookies } from './auth/refresh-cookie.js';
import type { Clock } from './clock.js';
import type { PgPubSub } from './database/pg-pubsub.js';
import { healthCheck, type Connection } from './database/transactions.js';
import { formatErrorForClient, toGraphQLError } from './errors/graphql-errors.js';
import { compiledExecution } from './graphql-execution.js';
import { graphqlHttpHandler, sendJson } from './graphql-http.js';
import { operationLimitsPlugin } from './limits/apollo-limits.plugin.js';
import { MAX_DOCUMENT_TOKENS, refuseOverLimits } from './limits/operation-limits.js';
import { isAppError } from './errors/app-errors.js';
import { clientAddress } from './auth/client-address.js';
import { rateLimitPlugin } from './limits/rate-limit.plugin.js';
import { buildRedressSchema } from './schema.js';
import { SharedSubscriptions, type DirectSink } from './subscriptions/shared-subscriptions.js';
import { audienceOfContext } from './subscriptions/subscription-audience.js';
import type { Services } from './services.js';
import { consoleFiles, wantsHtml } from './static/console-files.js';
import { isMeasuresExportPath, measuresExport } from './metrics/export/measures-export.js';
import { REPORTS_PREFIX, reportRoutes } from './reports/annual-report.routes.js';
import { LETTERS_PREFIX, letterRoutes } from './letters/letter.routes.js';
import { attachmentRoutes, isAttachmentsPath } from './attachments/attachment.routes.js';
import { RECORDS_PREFIX, recordsRoutes } from './records/records.routes.js';

/** The console's dev servers, until an operator configures the real origins. */
export const DEFAULT_CORS_ORIGINS: readonly string[] = [
  'http://localhost:5173',
  'http://127.0.0.1:5173',
  'http://localhost:4173',
  'http://127.0.0.1:4173',
  'http://localhost:3000',
];

/** Generous for any page a handler or partner needs (200 complaints with their details). */
export const DEFAULT_MAX_COMPLEXITY = 50_000;

export interface ServerDeps {
  readonly services: Services;
  readonly pubsub: PgPubSub;
  readonly clock: Clock;
  /** The database, for the health check. */
  readonly dataSource: Connection;
  readonly holidays?: BankHolidaysData;
  readonly logger?: Logger;
  readonly corsOrigins?: readonly string[];
  readonly maxComplexity?: number;
  /** Production: introspection only for signed-in callers. */
  readonly production?: boolean;
  /** Proxies whose X-Forwarded-For names the client (REDRESS_TRUSTED_PROXIES). */
  readonly trustedProxies?: readonly string[];
  /** How often an open socket's credentials are checked again (default 30 s; tests shorten it). */
  readonly recheckCredentialsMs?: number;
  /**
   * Execute a subscription document once per audience rather than once per socket (default
   * on; off only to measure the difference, shared-subscriptions.ts).
   */
  readonly shareSubscriptionExecution?: boolean;
  /**
   * The built console (apps/console/dist) to serve at / and the explorer at GET /graphql for
   * browsers; absent, only GraphQL and health are served (static/console-files.ts).
   */
  readonly consoleDir?: string;
}

export interface RedressServer {
  readonly httpServer: Server;
  /** http://localhost:<port>/graphql, once started. */
  readonly url: string;
  start(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

export function createServer(deps: ServerDeps): RedressServer {
  const logger = deps.logger ?? pino({ level: 'warn' });
  const contextDeps: ContextDeps = {
    services: deps.services,
    clock: deps.clock,
    holidays: deps.holidays,
  };
  let apollo: ApolloServer<AppContext> | undefined;
  let graphql: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  let url = '';
  const origins = deps.corsOrigins ?? DEFAULT_CORS_ORIGINS;
  const addressOf = clientAddress(deps.trustedProxies ?? []);
  const allowCors = cors(origins);
  const originAllowed = (origin: string) => origins.includes(origin) || origins.includes('*');
  const healthProblem = healthCheck(deps.dataSource);
  const files = deps.consoleDir === undefined ? undefined : consoleFiles(deps.consoleDir);
  const exports = measuresExport({ services: deps.services, logger, addressOf });
  const reports = reportRoutes({ services: deps.services, logger, addressOf });
  const letters = letterRoutes({ services: deps.services, logger, addressOf });
  const attachments = attachmentRoutes({ services: deps.services, logger, addressOf });
  const records = recordsRoutes({ services: deps.services, logger, addressOf });

  // Health, outside GraphQL (load balancers and the tests poll it before anything else), and
  // GraphQL; with a console build, a browser's page load of /graphql is the explorer and every
  // other path the console. Anything else is answered in words, not a framework's page.
  const httpServer = createHttpServer((req, res) => {
    const path = (req.url ?? '/').split('?', 1)[0] ?? '/';
    if (path === '/graphql' && files && wantsHtml(req)) {
      files.serveExplorer(req, res);
    } else if (path === '/graphql') {
      if (allowCors(req, res)) return;
      if (!graphql) {
        sendJson(res, 503, { status: 'unavailable', reason: 'The API is starting.' });
        return;
      }
      graphql(req, res);
    } else if (path === '/health' && (req.method === 'GET' || req.method === 'HEAD')) {
      void healthProblem().then((problem) =>
        problem
          ? sendJson(res, 503, { status: 'unavailable', reason: problem })
          : sendJson(res, 200, { status: 'ok' }),
      );
    } else if (isMeasuresExportPath(path)) {
      if (allowCors(req, res)) return;
      exports(req, res, path);
    } else if (path.startsWith(REPORTS_PREFIX)) {
      if (allowCors(req, res)) return;
      reports(req, res, path);
    } else if (path.startsWith(LETTERS_PREFIX)) {
      if (allowCors(req, res)) return;
      letters(req, res, path);
    } else if (isAttachmentsPath(path)) {
      if (allowCors(req, res)) return;
      attachments(req, res, path);
    } else if (path.startsWith(RECORDS_PREFIX)) {
      if (allowCors(req, res)) return;
      records(req, res, path);
    } else if (files && path !== '/health') {
      files.serve(req, res, path);
    } else {
      sendJson(res, 404, {
        status: 'not found',
        reason: `Nothing is served at ${req.method ?? 'GET'} ${path}: GraphQL is at /graphql, health at GET /health.`,
      });
    }
  });
  // Idle connections are kept longer than the 60 s load balancers commonly keep theirs (and
  // than Node's 5 s), so a proxy or client never sends a request down a socket the server is
  // closing at that moment: the race answers ECONNRESET after any pause of a few seconds.
  httpServer.keepAliveTimeout = 65_000;
  httpServer.headersTimeout = 66_000;

  async function start(port: number, host?: string): Promise<string> {
    const schema = await buildRedressSchema({ pubSub: deps.pubsub });
    const maxComplexity = deps.maxComplexity ?? DEFAULT_MAX_COMPLEXITY;

    const wsServer = new WebSocketServer({ server: httpServer, path: '/graphql' });
    // Each operation's socket and id, by its context: a group's result is serialised once and
    // the same payload written to each of its sockets (shared-subscriptions.ts).
    const sinks = new WeakMap<object, DirectSink>();
    const shared = new SharedSubscriptions({
      audienceOf: audienceOfContext,
      share: deps.shareSubscriptionExecution ?? true,
      sinkOf: (contextValue) => sinks.get(contextValue as object),
      payloadOf: (result) =>
        JSON.stringify(
          result.errors
            ? {
                ...result,
                errors: result.errors.map((error) =>
                  formatErrorForClient(error.toJSON(), error, logger),
                ),
              }
            : result,
        ),
    });
    const wsCleanup = useServer<Record<string, unknown> | undefined, SocketExtra>(
      {
        schema,
        // One execution per document and audience, its results sent to every socket of it.
        subscribe: shared.subscribe,
        // The same limits as over HTTP, and each subscription counted against its caller's rate.
        onSubscribe: async (ctx, _id, payload) => {
          const refused = refuseOverLimits(schema, payload, maxComplexity);
          if (refused) return refused;
          const limits = deps.services.requestLimits;
          if (!limits || !ctx.extra.principal) return undefined;
          try {
            await limits.check(ctx.extra.principal, addressOf(ctx.extra.request), false);
          } catch (error) {
            if (isAppError(error)) return [toGraphQLError(error)];
            throw error;
          }
          return undefined;
        },
        // A socket is authenticated once, at connection, and checked again while it stays open:
        // a browser page from an origin outside the allowlist is refused (as CORS refuses its
        // requests), and so is a connection without credentials that hold.
        onConnect: async (ctx) => {
          const origin = ctx.extra.request.headers.origin;
          if (origin !== undefined && !originAllowed(origin)) return false;
          const principal = await authenticate(deps.services.auth, {
            connectionParams: ctx.connectionParams,
          });
          if (principal.kind === 'anonymous') {
            ctx.extra.socket.close(4401, 'Unauthorized: send connectionParams.authorization');
            return false;
          }
          ctx.extra.principal = principal;
          watchCredentials(
            ctx.extra,
            ctx.connectionParams,
            deps.services.auth,
            logger,
            deps.recheckCredentialsMs ?? RECHECK_CREDENTIALS_MS,
          );
          return true;
        },
        onClose: (ctx) => stopWatching(ctx.extra),
        context: (ctx, id) => {
          const { principal, socket } = ctx.extra;
          if (!principal)
            throw new Error(
              'A WebSocket operation arrived before its connection was authenticated.',
            );
          const context = createAppContext(contextDeps, principal);
          sinks.set(context, {
            id,
            write(frame, written) {
              if (socket.readyState !== socket.OPEN) return false;
              socket.send(frame, written);
              return true;
            },
          });
          return context;
        },
        onNext: (_ctx, _id, _payload, _args, result) =>
          result.errors
            ? {
                ...result,
                errors: result.errors.map((error) =>
                  formatErrorForClient(error.toJSON(), error, logger),
                ),
              }
            : undefined,
        onError: (_ctx, _id, _payload, errors) =>
          errors.map((error) => formatErrorForClient(error.toJSON(), error, logger)),
      },
      wsServer,
    );

    apollo = new ApolloServer<AppContext>({
      // Our schema, executed compiled (graphql-execution.ts).
      gateway: compiledExecution(schema),
      includeStacktraceInErrorResponses: false,
      // A document of more tokens than this is refused at parse (GRAPHQL_PARSE_FAILED), before
      // graphql-js's validation walks it: a chain of thousands of fragments would otherwise
      // overflow its stack, and thousands of copies of one field take seconds to validate.
      // The standard introspection query is about 1,500 tokens; the console's largest, 2,000.
      parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
      // main.ts handles SIGINT and SIGTERM and stops everything in order; Apollo's own handler
      // would re-raise the signal once it stopped, killing the process before the database
      // (and the data folder's lock) is closed.
      stopOnTerminationSignals: false,
      // On in production too (Apollo's default turns it off there): the schema is public and
      // committed, and the console and partners' tools read it at start-up.
      introspection: true,
      formatError: (formatted, error) => formatErrorForClient(formatted, error, logger),
      plugins: [
        ApolloServerPluginDrainHttpServer({ httpServer }),
        // Installed by default, it hooks every field of every answer to compute cache hints
        // that nothing here sets or reads (answers are never cached by HTTP).
        ApolloServerPluginCacheControlDisabled(),
        // Apollo's landing page loads from a CDN; a browser's GET of /graphql gets the bundled
        // explorer instead (above), or Apollo's plain refusal of a GET without a query.
        ApolloServerPluginLandingPageDisabled(),
        {
          async serverWillStart() {
            return {
              async drainServer() {
                await wsCleanup.dispose();
              },
            };
          },
        },
        // Counted first: a request refused by the limits below is still a request.
        ...(deps.services.requestLimits ? [rateLimitPlugin(deps.services.requestLimits)] : []),
        operationLimitsPlugin(schema, { maxComplexity }),
        introspectionGuard(deps.production ?? false),
      ],
    });
    await apollo.start();

    graphql = graphqlHttpHandler(
      apollo,
      async (req, res) =>
        createAppContext(
          contextDeps,
          await authenticate(deps.services.auth, { headers: req.headers }),
          httpExchange(req, res, addressOf(req)),
        ),
      logger,
    );

    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(port, host, () => {
        httpServer.off('error', reject);
        resolve();
      });
    });
    const address = httpServer.address() as AddressInfo;
    url = `http://localhost:${address.port}/graphql`;
    return url;
  }

  async function stop(): Promise<void> {
    if (apollo) {
      // Drains HTTP requests in flight, then closes the WebSocket server (plugins above).
      graphql = undefined;
      await apollo.stop();
      apollo = undefined;
    } else if (httpServer.listening) {
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    }
  }

  return {
    httpServer,
    get url() {
      return url;
    },
    start,
    stop,
  };
}

/** What a WebSocket connection carries beside its socket: who it speaks for. */
type SocketExtra = {
  principal: Principal;
  recheck: NodeJS.Timeout;
};
type SocketContext = Extra & Partial<SocketExtra>;

/** How often an open socket's credentials are checked again (revoked keys, ended sessions). */
const RECHECK_CREDENTIALS_MS = 30_000;

/**
 * Ends a socket whose credentials stop holding: a revoked key, a session signed out or a user
 * deactivated (checked every 30 seconds), and an access token past its expiry (checked then too).
 * The client reconnects with fresh credentials. Each socket's checks start at a random point of
 * the first period, so sockets that connected together (after a restart, thousands at once) are
 * not checked in one burst; most checks are answered by the credential cache (session-cache.ts).
 */
function watchCredentials(
  extra: SocketContext,
  connectionParams: unknown,
  auth: AuthService,
  logger: Logger,
  everyMs: number,
): void {
  const check = (): void => {
    authenticate(auth, { connectionParams })
      .then((principal) => {
        if (principal.kind === 'anonymous') {
          extra.socket.close(4401, 'Unauthorized: the credentials have expired or were revoked');
        }
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'Could not recheck a socket'));
  };
  extra.recheck = setTimeout(
    () => {
      check();
      extra.recheck = setInterval(check, everyMs);
      extra.recheck.unref();
    },
    Math.max(1, Math.floor(Math.random() * everyMs)),
  );
  extra.recheck.unref();
}

function stopWatching(extra: SocketContext): void {
  // clearInterval clears a timeout as well.
  if (extra.recheck) clearInterval(extra.recheck);
}

function httpExchange(
  req: IncomingMessage,
  res: ServerResponse,
  address: string | null,
): HttpExchange {
  const cookies: string[] = [];
  return {
    meta: {
      address,
      userAgent: typeof req.headers['user-agent'] === 'string' ? req.headers['user-agent'] : null,
    },
    refreshToken: refreshTokenFromCookies(req.headers.cookie),
    cookieHeader: req.headers.cookie,
    setCookie(cookie) {
      cookies.push(cookie);
      res.setHeader('set-cookie', cookies);
    },
  };
}

/**
 * CORS for the listed origins only; browsers elsewhere get no CORS headers and are refused.
 * Returns true when it has answered the request (a preflight).
 */
function cors(origins: readonly string[]) {
  const allowed = new Set(origins);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const origin = req.headers.origin;
    if (origin && (allowed.has(origin) || allowed.has('*'))) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader(
        'Access-Control-Allow-Headers',
        'content-type, authorization, apollo-require-preflight',
      );
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Max-Age', '600');
    }
    if (req.method === 'OPTIONS') {
      res.statusCode = 204;
      res.end();
      return true;
    }
    return false;
  };
}
