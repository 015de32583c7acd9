import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Where an attachment's bytes live; the database row holds only the key. */
export interface AttachmentStorage {
  put(key: string, content: Uint8Array | AsyncIterable<Uint8Array>): Promise<void>;
  get(key: string): Promise<Buffer>;
  delete(key: string): Promise<void>;
}

// Keys are made by the service (uuids), never from a file name a resident chose: a key that is
// anything else is refused so that no path can lead outside the directory.
const KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The default directory: beside the embedded database's data directory. */
export function defaultAttachmentsDir(dataDir: string): string {
  return join(dirname(resolve(dataDir)), 'attachments');
}

/** Files in one directory, named by key, written to a temporary file first and then renamed. */
export class FilesystemAttachmentStorage implements AttachmentStorage {
  private readonly dir: string;

  constructor(dir: string) {
    this.dir = resolve(dir);
  }

  async put(key: string, content: Uint8Array | AsyncIterable<Uint8Array>): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(this.dir, { recursive: true });
    // A reader never sees a half-written file: the rename is atomic within one directory.
    const temporary = join(this.dir, `.${key}.${randomUUID()}.partial`);
    try {
      const source =
        content instanceof Uint8Array ? Readable.from([content]) : Readable.from(content);
      await pipeline(source, createWriteStream(temporary, { flags: 'wx' }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    return readFile(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  private pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`Not an attachment key: ${JSON.stringify(key)}`);
    return join(this.dir, key);
  }
}

/**
 * For services made without a storage (tools and tests that attach nothing): every use fails,
 * so that bytes are never kept somewhere nobody configured.
 */
export const NO_ATTACHMENT_STORAGE: AttachmentStorage = {
  put: () => Promise.reject(new Error('No attachment storage was configured for these services.')),
  get: () => Promise.reject(new Error('No attachment storage was configured for these services.')),
  delete: () =>
    Promise.reject(new Error('No attachment storage was configured for these services.')),
};
