import { link, open, readFile, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite is one PostgreSQL in this process, with no postmaster to refuse a second one: two
// processes on one data folder both start, both write, and each overwrites the other's pages.
// The folder is therefore held through a lock file naming the owner's pid, created with O_EXCL
// (atomic on local file systems), and removed on close. A lock whose pid is no longer running
// was left by a crash and is taken over.

export const LOCK_FILE = 'redress.lock';

/** The data folder cannot be used (in use by a running process, not writable); one line to act on. */
export class DataDirError extends Error {}

export interface DataDirLock {
  readonly path: string;
  release(): Promise<void>;
}

/** Takes the data folder for this process; throws DataDirError when another holds it. */
export async function lockDataDir(dataDir: string, pid = process.pid): Promise<DataDirLock> {
  const path = join(dataDir, LOCK_FILE);
  // A few rounds: each either takes the lock, finds a live owner, or clears a dead one's lock.
  for (let round = 0; round < 5; round += 1) {
    if (await create(path, pid)) return held(path, pid);
    const owner = await readOwner(path);
    if (owner === undefined) continue; // Gone meanwhile: try again.
    if (owner !== null && owner !== pid && isRunning(owner)) {
      throw new DataDirError(
        `The data folder ${dataDir} is in use by another Redress process (pid ${owner}): stop it, or set REDRESS_DATA_DIR to another folder. If no such process is running, delete ${path}.`,
      );
    }
    await clearStale(path, owner);
  }
  throw new DataDirError(
    `Could not lock the data folder ${dataDir}: other processes keep taking ${path}. Start one Redress process per data folder.`,
  );
}

async function create(path: string, pid: number): Promise<boolean> {
  let file;
  try {
    file = await open(path, 'wx', 0o644);
  } catch (error) {
    if (codeOf(error) === 'EEXIST') return false;
    throw new DataDirError(
      `Cannot write the lock file ${path} (${codeOf(error) ?? String(error)}): give this process write access to the folder, or set REDRESS_DATA_DIR to a folder it can write.`,
    );
  }
  try {
    await file.writeFile(`${pid}\n`);
    await file.sync();
  } finally {
    await file.close();
  }
  return true;
}

/** The pid in the lock file; null when unreadable as a pid (a torn write); undefined if gone. */
async function readOwner(path: string): Promise<number | null | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/**
 * Removes a lock left by a dead owner. Two processes may both see it stale: it is first moved
 * aside (rename is atomic, so one of them moves it), and when what was moved is not the stale
 * lock it was taken for (a live process's fresh one), it is put back.
 */
async function clearStale(path: string, stalePid: number | null): Promise<void> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return;
    throw error;
  }
  const moved = await readOwner(aside);
  if (moved !== stalePid && moved !== null && moved !== undefined) {
    // Someone else's live lock: back where it was, unless a newer one is there already.
    await link(aside, path).catch(() => undefined);
  }
  await unlink(aside).catch(() => undefined);
}

function held(path: string, pid: number): DataDirLock {
  let released = false;
  return {
    path,
    async release() {
      if (released) return;
      released = true;
      // Only our own lock: never one another process took over after us.
      if ((await readOwner(path)) === pid) await unlink(path).catch(() => undefined);
    },
  };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return codeOf(error) === 'EPERM';
  }
}

function codeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error
    ? String((error as { code: unknown }).code)
    : undefined;
}
