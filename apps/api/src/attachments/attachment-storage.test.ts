import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultAttachmentsDir, FilesystemAttachmentStorage } from './attachment-storage.js';

describe('FilesystemAttachmentStorage', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'redress-attachments-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('stores bytes under the key and gives them back', async () => {
    const storage = new FilesystemAttachmentStorage(join(dir, 'files'));
    const key = randomUUID();
    await storage.put(key, new Uint8Array([1, 2, 3]));
    expect([...(await storage.get(key))]).toEqual([1, 2, 3]);
    expect(await readdir(join(dir, 'files'))).toEqual([key]);
  });

  it('stores a stream, and leaves no temporary file when the stream fails', async () => {
    const storage = new FilesystemAttachmentStorage(dir);
    const key = randomUUID();
    async function* chunks() {
      yield new Uint8Array([9]);
      yield new Uint8Array([8]);
    }
    await storage.put(key, chunks());
    expect([...(await storage.get(key))]).toEqual([9, 8]);

    const broken = randomUUID();
    async function* failing() {
      yield new Uint8Array([1]);
      throw new Error('connection closed');
    }
    await expect(storage.put(broken, failing())).rejects.toThrow('connection closed');
    expect(await readdir(dir)).toEqual([key]);
  });

  it('deletes, and refuses keys that are not uuids', async () => {
    const storage = new FilesystemAttachmentStorage(dir);
    const key = randomUUID();
    await storage.put(key, new Uint8Array([1]));
    await storage.delete(key);
    expect(await readdir(dir)).toEqual([]);
    await expect(storage.get('../secret')).rejects.toThrow('Not an attachment key');
  });

  it('puts the default directory beside the embedded database data directory', () => {
    expect(defaultAttachmentsDir('/srv/redress/.data/pglite')).toBe(
      '/srv/redress/.data/attachments',
    );
  });
});
