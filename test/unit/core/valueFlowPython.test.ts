/**
 * The value flow against Python itself: generated modules (fixed seed) assign numbers to a few
 * names, copy names into names, branch on constants (`if`, `a if c else b`) and build
 * `httpx.Limits(max_connections=name)` probes; `/usr/bin/python3` runs each with the real httpx.
 * Every probe's value must be what Python built: exactly, in straight-line code; among the
 * alternatives shown, where branches join.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { FieldValue } from '../../../server/src/core/config/effective';
import { analyzeText } from '../../helpers/engine';
import { runPythonScript } from '../../helpers/python';

const SEED = 20261203;
const MODULES = 40;
const NAMES = ['a', 'b', 'c', 'd'];

type Statement = { readonly kind: 'literal' | 'copy' | 'ternary' | 'branch' | 'probe'; readonly target: number; readonly source: number; readonly values: readonly number[]; readonly flag: boolean };

const statement = fc.record({
  kind: fc.constantFrom<Statement['kind']>('literal', 'literal', 'copy', 'ternary', 'branch', 'probe', 'probe'),
  target: fc.nat({ max: NAMES.length - 1 }),
  source: fc.nat({ max: NAMES.length - 1 }),
  values: fc.array(fc.integer({ min: 1, max: 500 }), { minLength: 2, maxLength: 2 }),
  flag: fc.boolean(),
});

/** A module text, and whether it branches. Names are read only once assigned, so Python never fails. */
function moduleText(statements: readonly Statement[]): { text: string; branches: boolean } {
  const lines = ['import httpx'];
  const assigned = new Set<number>();
  let probes = 0;
  let branches = false;
  for (const { kind, target, source, values, flag } of statements) {
    const name = NAMES[target];
    if (kind === 'literal') lines.push(`${name} = ${values[0]}`);
    else if (kind === 'copy' && assigned.has(source)) lines.push(`${name} = ${NAMES[source]}`);
    else if (kind === 'ternary') lines.push(`${name} = ${values[0]} if ${flag ? 'True' : 'False'} else ${values[1]}`);
    else if (kind === 'branch') lines.push(`if ${flag ? 'True' : 'False'}:`, `    ${name} = ${values[0]}`, 'else:', `    ${name} = ${values[1]}`);
    else if (kind === 'probe' && assigned.has(source)) lines.push(`probe_${probes++} = httpx.Limits(max_connections=${NAMES[source]})`);
    else continue;
    if (kind === 'ternary' || kind === 'branch') branches = true;
    if (kind !== 'probe') assigned.add(target);
  }
  return { text: lines.join('\n') + '\n', branches };
}

/** The values the analysis allows for a field: one number, or each alternative's. */
function allowed(field: FieldValue): (number | null | undefined)[] {
  return field.origin.kind === 'one-of' ? field.origin.alternatives.flatMap(allowed) : [field.value];
}

test('the value a probe shows is the one Python builds (straight-line), or among those shown (branches)', async () => {
  const modules = fc.sample(fc.array(statement, { minLength: 4, maxLength: 24 }), { seed: SEED, numRuns: MODULES }).map(moduleText);
  const built = runPythonScript<number[][]>('probe_values.py', modules.map((module) => module.text));
  let compared = 0;
  for (const [index, { text, branches }] of modules.entries()) {
    const analysis = await analyzeText(text);
    const probes = analysis.calls.filter((call) => call.callable.name === 'Limits');
    assert.equal(probes.length, built[index].length, text);
    probes.forEach((probe, position) => {
      const field = analysis.configs.ofObjectCall(probe)!.fields.find((candidate) => candidate.field.name === 'max_connections')!;
      const expected = built[index][position];
      if (branches) assert.ok(allowed(field).includes(expected), `probe_${position}: ${expected} not among ${allowed(field)} in\n${text}`);
      else assert.equal(field.value, expected, `probe_${position} in\n${text}`);
      compared++;
    });
  }
  assert.ok(compared >= MODULES, `only ${compared} probes compared`);
});

test('10,000 reassignments of one name: the last one before the call', async () => {
  const lines = ['import httpx', ...Array.from({ length: 10_000 }, (_, index) => `size = ${index + 1}`), 'client = httpx.Client(limits=httpx.Limits(max_connections=size))'];
  const analysis = await analyzeText(lines.join('\n'));
  const limits = analysis.calls.find((call) => call.callable.name === 'Limits')!;
  assert.equal(analysis.configs.ofObjectCall(limits)!.fields.find((field) => field.field.name === 'max_connections')!.value, 10_000);
});

test('names defined in a cycle, or through each other in a loop, end as unknown, not in a hang', async () => {
  const text = ['import httpx', 'a = b', 'b = a', 'while True:', '    c = d', '    d = c', 'x = httpx.Limits(max_connections=a)', 'y = httpx.Limits(max_connections=c)', ''].join('\n');
  const analysis = await analyzeText(text);
  for (const call of analysis.calls) assert.equal(analysis.configs.ofObjectCall(call)!.fields.find((field) => field.field.name === 'max_connections')!.value, undefined);
});
