import { existsSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { spoolUpload } from './upload-spool';

const chunks = (n: number, size: number) => Readable.from(Array.from({ length: n }, () => Buffer.alloc(size, 0x61)));

describe('spoolUpload', () => {
  it('writes the body to a private temp file and removes it on discard', async () => {
    const upload = await spoolUpload(chunks(4, 1000), 10_000, 'upload');
    expect(upload.bytes).toBe(4000);
    expect(readFileSync(upload.path)).toHaveLength(4000);
    await upload.discard();
    expect(existsSync(dirname(upload.path))).toBe(false);
  });

  it('stops reading at the cap on the bytes that arrive, whatever Content-Length said', async () => {
    let pulled = 0;
    const body = Readable.from(
      (function* () {
        for (let i = 0; i < 1000; i++) {
          pulled++;
          yield Buffer.alloc(1024, 0x61);
        }
      })(),
    );
    await expect(spoolUpload(body, 10 * 1024, 'upload')).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      details: expect.objectContaining({ field: 'upload', reason: 'ARCHIVE_TOO_LARGE' }),
    });
    expect(pulled).toBeLessThan(100);
  });

  it('a body that breaks off is NOT_A_ZIP, not an internal error', async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.alloc(100));
    setImmediate(() => body.destroy(new Error('socket hang up')));
    await expect(spoolUpload(body, 10_000, 'upload')).rejects.toMatchObject({
      details: expect.objectContaining({ reason: 'NOT_A_ZIP' }),
    });
  });
});
