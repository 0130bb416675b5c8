import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.js';
import { readJobOrders } from './read-job-orders.js';

const jobs = new URL('../../fixtures/jobs/', import.meta.url).pathname;
const directory = await mkdtemp(join(tmpdir(), 'cvmatch-jobs-'));
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('readJobOrders', () => {
  it('reads a folder by file name, a .txt ad only when no .json order has its name', async () => {
    const order = JSON.parse(await readFile(join(jobs, 'cariste-lyon.json'), 'utf8'));
    await writeFile(
      join(directory, 'cariste-lyon.json'),
      JSON.stringify({ ...order, title: 'Cariste (JSON)' }),
    );
    await copyFile(join(jobs, 'cariste-lyon.txt'), join(directory, 'cariste-lyon.txt'));
    await copyFile(join(jobs, 'serveur-lyon.txt'), join(directory, 'a-serveur.txt'));
    await writeFile(join(directory, 'notes.md'), 'not a job order');
    const orders = await readJobOrders(directory, { now: '2026-11-01' });
    expect(orders.map((order) => order.id)).toEqual(['a-serveur', 'cariste-lyon']);
    expect(orders[1]?.title).toBe('Cariste (JSON)');
  });

  it('refuses two orders with the same id', async () => {
    const twins = await mkdtemp(join(directory, 'twins-'));
    const order = await readFile(join(jobs, 'cariste-lyon.json'), 'utf8');
    await writeFile(join(twins, 'cariste-lyon.json'), order);
    await writeFile(join(twins, 'other-name.json'), order);
    const error = await readJobOrders(twins).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe(`job id cariste-lyon appears twice in ${twins}`);
  });

  it('names the file of an invalid order', async () => {
    const file = join(directory, 'broken.json');
    await writeFile(file, JSON.stringify({ title: '' }));
    const error = await readJobOrders(file).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message.startsWith(`${file}: `)).toBe(true);
  });
});
