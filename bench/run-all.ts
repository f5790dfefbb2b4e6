/**
 * `npm run bench`: every figure in one run, so that each ratio compares numbers taken together.
 * Prints the table and writes bench/results.json. BENCH_ONLY=engine,bundle,… runs a subset.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { it } from 'vitest';
import { measureBundle } from './bundle';
import { measureColdStart, measureEngineFlow } from './engine';
import { measurePage } from './page';
import { measureReader } from './reader';
import { measureStackImport } from './stack';
import { type Figure, formatTable } from './stats';
import { measureSync } from './sync';

const root = join(import.meta.dirname, '..');
/** BENCH_DIST: measure another build directory (default dist/, which `npm run bench` builds first). */
const dist = process.env.BENCH_DIST ?? join(root, 'dist');
const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const wanted = (part: string) => only.length === 0 || only.includes(part);

it('measures Identity Atlas', async () => {
  const figures: Figure[] = [];
  const section = async (part: string, run: () => Promise<Figure[]> | Figure[]) => {
    if (!wanted(part)) return;
    const start = performance.now();
    try {
      figures.push(...(await run()));
    } catch (error) {
      figures.push({
        name: `${part}: could not be measured`,
        value: Number.NaN,
        unit: '',
        budget: '',
        meets: false,
        note: String(error),
      });
    }
    process.stdout.write(`bench: ${part} done in ${((performance.now() - start) / 1000).toFixed(1)} s\n`);
  };
  await section('engine', () => measureEngineFlow());
  await section('cold-start', () => measureColdStart());
  await section('sync', () => measureSync());
  await section('stack', () => measureStackImport());
  await section('bundle', () => measureBundle(dist));
  await section('page', () => measurePage(root, dist));
  await section('reader', () => measureReader(root, dist));
  const table = formatTable(figures);
  const notes = figures.filter((f) => f.note).map((f) => `- ${f.name}: ${f.note}`);
  process.stdout.write(`\n${table}\n\n${notes.join('\n')}\n`);
  if (only.length === 0) {
    const results = {
      date: new Date().toISOString(),
      machine: machine(),
      figures: figures.map((f) => ({
        ...f,
        value: Number.isFinite(f.value) ? Number(f.value.toFixed(3)) : null,
      })),
    };
    writeFileSync(join(root, 'bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    process.stdout.write('bench: wrote bench/results.json\n');
  }
});

/** The machine, as the README reports it: `nproc`, the CPU model from /proc/cpuinfo, Node's version. */
function machine() {
  let nproc = os.availableParallelism();
  try {
    nproc = Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {}
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1] ?? os.cpus()[0]?.model ?? 'unknown';
  return { nproc, cpu, node: process.version, platform: `${os.platform()} ${os.release()}` };
}
