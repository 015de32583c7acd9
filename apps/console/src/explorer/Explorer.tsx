import { useEffect, useState, type ReactElement } from 'react';
import { openSession, runOperation, type ExplorerSession } from './explorer-session';

const URL_PATH = '/graphql';

const FIRST_QUERY = `# Your open complaints, most urgent first. Ctrl+Enter runs the operation.
query FirstPage {
  me { email role }
  complaints(first: 5, orderBy: { field: NEXT_DUE_ON, direction: ASC }) {
    totalCount
    nodes { reference status summary }
  }
}
`;

type Status =
  { kind: 'checking' } | { kind: 'signed-in'; session: ExplorerSession } | { kind: 'anonymous' };

/** A plain explorer: operation, variables, the answer; for the signed-in console's session. */
export function Explorer(): ReactElement {
  const [status, setStatus] = useState<Status>({ kind: 'checking' });
  const [query, setQuery] = useState(FIRST_QUERY);
  const [variables, setVariables] = useState('');
  const [answer, setAnswer] = useState('');
  const [running, setRunning] = useState(false);

  useEffect(() => {
    openSession(URL_PATH)
      .then((session) =>
        setStatus(session ? { kind: 'signed-in', session } : { kind: 'anonymous' }),
      )
      .catch(() => setStatus({ kind: 'anonymous' }));
  }, []);

  const session = status.kind === 'signed-in' ? status.session : undefined;
  const run = (): void => {
    setRunning(true);
    runOperation(URL_PATH, query, variables, session)
      .then((result) => setAnswer(JSON.stringify(result, null, 2)))
      .catch((error: unknown) =>
        setAnswer(
          `Could not reach the API: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => setRunning(false));
  };

  return (
    <main className="explorer">
      <header>
        <h1>Redress GraphQL explorer</h1>
        {status.kind === 'checking' && <p role="status">Checking your session…</p>}
        {status.kind === 'signed-in' && (
          <p role="status">
            Signed in as {status.session.email} ({status.session.role}).{' '}
            <a href="/">Back to the console</a>
          </p>
        )}
        {status.kind === 'anonymous' && (
          <p role="alert">
            You are not signed in: most operations will be refused.{' '}
            <a href="/#/login">Sign in to the console</a>, then come back to this page.
          </p>
        )}
        <p>
          The API guide (docs/api.md in the repository) describes every operation; so does
          introspection: try{' '}
          <code>{'{ __schema { queryType { fields { name description } } } }'}</code>.
        </p>
      </header>
      <div className="panes">
        <label>
          Operation
          <textarea
            spellCheck={false}
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                run();
              }
            }}
            rows={18}
          />
        </label>
        <label>
          Variables (JSON)
          <textarea
            spellCheck={false}
            value={variables}
            onChange={(event) => setVariables(event.target.value)}
            rows={6}
          />
        </label>
        <button type="button" onClick={run} disabled={running}>
          {running ? 'Running…' : 'Run (Ctrl+Enter)'}
        </button>
        <section aria-label="Answer" aria-live="polite">
          <h2>Answer</h2>
          <pre tabIndex={0}>{answer}</pre>
        </section>
      </div>
    </main>
  );
}
