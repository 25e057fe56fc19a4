/** Atomic writes replace regular files only: a rename over a device, symlink or directory would destroy it. */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../engine/state/atomic-file.js';
import { tempDir } from '../support/project.js';

describe('writeFileAtomic', () => {
  it('refuses a symbolic link and a directory, leaving them as they were; writes a new or a regular file', async () => {
    const dir = tempDir('atomic');
    const target = join(dir, 'real.json');
    writeFileSync(target, 'kept');
    symlinkSync(target, join(dir, 'link.json'));
    mkdirSync(join(dir, 'folder'));
    await expect(writeFileAtomic(join(dir, 'link.json'), 'x')).rejects.toMatchObject({ diagnostics: [{ code: 'FILE_NOT_REGULAR' }] });
    await expect(writeFileAtomic(join(dir, 'folder'), 'x')).rejects.toMatchObject({ diagnostics: [{ code: 'FILE_NOT_REGULAR' }] });
    expect(readFileSync(target, 'utf8')).toBe('kept');
    await writeFileAtomic(target, 'new');
    await writeFileAtomic(join(dir, 'fresh.json'), 'fresh');
    expect(readFileSync(target, 'utf8') + readFileSync(join(dir, 'fresh.json'), 'utf8')).toBe('newfresh');
  });
});
