// The API's file routes (CSV exports, the annual report, attachments) need the bearer token,
// which a plain link or form cannot carry: files are fetched and sent with it, and a fetched
// file is handed to the browser as a Blob link, so it saves as any download does.
import { getAccessToken, renewAccessToken } from './access-token';

export class DownloadError extends Error {}

/** A file the API refused, with its words and its code (ATTACHMENT_TOO_LARGE …). */
export class UploadError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

const UNREACHABLE = 'The console cannot reach the Redress API. Check your connection.';

async function fetchWithToken(path: string, init: RequestInit = {}): Promise<Response> {
  const send = () => {
    const token = getAccessToken();
    // The file routes answer on the console's own origin, as /graphql does.
    return fetch(path, {
      ...init,
      headers: {
        ...(init.headers as Record<string, string>),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      credentials: 'same-origin',
    });
  };
  let response = await send();
  // An expired token is renewed once, as the GraphQL client does.
  if (response.status === 401 && (await renewAccessToken())) response = await send();
  return response;
}

/** The API's own words and code for a refusal, from its coded JSON error. */
async function refusalOf(
  response: Response,
  fallback: string,
): Promise<{ message: string; code: string | undefined }> {
  try {
    const body = (await response.json()) as {
      errors?: { message?: string; extensions?: { code?: string } }[];
      message?: string;
    };
    const message = body.errors?.[0]?.message ?? body.message;
    if (message) return { message, code: body.errors?.[0]?.extensions?.code };
  } catch {
    // not JSON
  }
  return { message: `${fallback} (the API answered ${response.status}).`, code: undefined };
}

/** The file's bytes, or a DownloadError with the API's message. */
export async function fetchFile(path: string, signal?: AbortSignal): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchWithToken(path, signal ? { signal } : {});
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new DownloadError(UNREACHABLE);
  }
  if (!response.ok) {
    throw new DownloadError(
      (await refusalOf(response, 'The file could not be downloaded')).message,
    );
  }
  return response.blob();
}

/**
 * A file the API makes from a JSON request (a subject access export): POSTed, so that what it
 * names (a person's details) never sits in a URL. The file's bytes, or a DownloadError.
 */
export async function fetchFileFor(path: string, body: unknown): Promise<Blob> {
  let response: Response;
  try {
    response = await fetchWithToken(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  } catch {
    throw new DownloadError(UNREACHABLE);
  }
  if (!response.ok) {
    throw new DownloadError(
      (await refusalOf(response, 'The file could not be downloaded')).message,
    );
  }
  return response.blob();
}

/** Sends a file's bytes as the body of a POST and answers the API's JSON, or an UploadError. */
export async function uploadFile<T>(path: string, file: Blob): Promise<T> {
  let response: Response;
  try {
    response = await fetchWithToken(path, {
      method: 'POST',
      // What the browser guessed from the name; the API reads the type from the bytes anyway.
      headers: { 'content-type': file.type || 'application/octet-stream' },
      body: file,
    });
  } catch {
    throw new UploadError(UNREACHABLE, 'NETWORK_ERROR');
  }
  if (!response.ok) {
    const { message, code } = await refusalOf(response, 'The file could not be attached');
    throw new UploadError(message, code);
  }
  return (await response.json()) as T;
}

/** Saves a Blob under a file name through a temporary link, then lets it go. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled, or some browsers save nothing.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Fetches a file route with the token and saves it. */
export async function download(path: string, fileName: string): Promise<void> {
  saveBlob(await fetchFile(path), fileName);
}
