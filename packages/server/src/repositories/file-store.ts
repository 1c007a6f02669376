import fs from 'node:fs/promises';
import path from 'node:path';

/** Attachment bytes on disk, under <root>/<tenant id>/<attachment id>: paths from UUIDs only, never from names. */
export interface FileStore {
  put(tenantId: string, id: string, bytes: Uint8Array): Promise<void>;
  get(tenantId: string, id: string): Promise<Buffer>;
  remove(tenantId: string, id: string): Promise<void>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function diskFileStore(root: string): FileStore {
  const file = (tenantId: string, id: string): string => {
    if (!UUID.test(tenantId) || !UUID.test(id)) throw new Error('file store keys must be UUIDs');
    return path.join(root, tenantId, id);
  };
  return {
    async put(tenantId, id, bytes) {
      const target = file(tenantId, id);
      await fs.mkdir(path.dirname(target), { recursive: true });
      // Write then rename, so a crash never leaves half a file under the final name.
      await fs.writeFile(`${target}.part`, bytes, { flag: 'wx' });
      await fs.rename(`${target}.part`, target);
    },
    get: (tenantId, id) => fs.readFile(file(tenantId, id)),
    remove: (tenantId, id) => fs.rm(file(tenantId, id), { force: true }),
  };
}
