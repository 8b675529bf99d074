import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { entryOf, type ModuleSummary, type SummaryEntry } from '../../../server/src/core/workspace/summary';
import { summarizeText } from '../../../server/src/core/workspace/summarize';
import { testEngine } from '../../helpers/engine';

async function summary(text: string): Promise<ModuleSummary> {
  const result = summarizeText((await testEngine()).parser, text);
  assert.ok(result);
  return result;
}

function valueOf(summary: ModuleSummary, name: string): unknown {
  const entry: SummaryEntry | undefined = entryOf(summary.names, name);
  assert.ok(entry, `no entry for ${name}`);
  if (entry.kind === 'value') return entry.expr.value;
  if (entry.kind === 'function') return entry.returns.value;
  return entry.kind;
}

describe('module summaries', () => {
  test('constants, in the order the module runs, with their lines', async () => {
    const text = 'import httpx as hx\nBASE = 2.0\nTIMEOUT = hx.Timeout(BASE * 2, connect=BASE)\nBASE = 3.0\nNAME: str = "x"\nPOOL = -5\nEMPTY = ()\n';
    const result = await summary(text);
    assert.deepEqual(valueOf(result, 'BASE'), { kind: 'number', value: 3 });
    const timeout = valueOf(result, 'TIMEOUT') as { kind: string; callee: string; args: { keyword?: string; value: unknown }[] };
    assert.equal(timeout.kind, 'construction');
    assert.equal(timeout.callee, 'httpx.Timeout');
    assert.deepEqual(timeout.args[0].value, { kind: 'unknown', reason: '`BASE * 2`' });
    assert.deepEqual(timeout.args[1], { keyword: 'connect', text: 'BASE', value: { kind: 'number', value: 2 } }, 'BASE as it was when TIMEOUT was built');
    assert.deepEqual(valueOf(result, 'NAME'), { kind: 'string', value: 'x' });
    assert.deepEqual(valueOf(result, 'POOL'), { kind: 'number', value: -5 });
    assert.deepEqual(valueOf(result, 'EMPTY'), { kind: 'tuple', items: [] });
    assert.equal(entryOf(result.names, 'TIMEOUT')?.line, 3);
  });

  test('imports and re-exports bind qualified targets, relative ones keep their dots', async () => {
    const result = await summary('from .settings import TIMEOUT as T\nfrom . import config\nimport myapp.conf as conf\nALIAS = T\nPOOL = conf.POOL\n');
    assert.deepEqual(entryOf(result.names, 'T'), { kind: 'import', target: '.settings.TIMEOUT', offset: 0, line: 1 });
    assert.equal((entryOf(result.names, 'config') as { target: string }).target, '.config');
    assert.equal((entryOf(result.names, 'conf') as { target: string }).target, 'myapp.conf');
    assert.deepEqual(valueOf(result, 'ALIAS'), { kind: 'imported', target: '.settings.TIMEOUT' });
    assert.deepEqual(valueOf(result, 'POOL'), { kind: 'imported', target: 'myapp.conf.POOL' });
  });

  test('classes collect attributes, a base of the same module first', async () => {
    const result = await summary('class Base:\n    POOL = 10\n    WAIT = 5.0\nclass Child(Base):\n    POOL = 20\n    BOTH = (POOL, WAIT)\n');
    const child = entryOf(result.names, 'Child');
    assert.equal(child?.kind, 'class');
    if (child?.kind !== 'class') return;
    assert.deepEqual(entryOf(child.attributes, 'POOL')?.value, { kind: 'number', value: 20 });
    assert.deepEqual(entryOf(child.attributes, 'WAIT')?.value, { kind: 'number', value: 5 });
    assert.deepEqual(entryOf(child.attributes, 'BOTH')?.value, {
      kind: 'tuple',
      items: [
        { text: 'POOL', value: { kind: 'number', value: 20 } },
        { text: 'WAIT', value: { kind: 'number', value: 5 } },
      ],
    });
  });

  test('a function that only returns keeps the result; one that reads a parameter does not', async () => {
    const result = await summary('import httpx\nLIMIT = 9\ndef limits():\n    """The limits."""\n    return httpx.Limits(max_connections=LIMIT)\ndef scaled(n):\n    return httpx.Limits(max_connections=n)\ndef busy():\n    x = 1\n    return x\n');
    assert.equal((valueOf(result, 'limits') as { kind: string }).kind, 'construction');
    const scaled = valueOf(result, 'scaled') as { args: { value: unknown }[] };
    assert.deepEqual(scaled.args[0].value, { kind: 'unknown', reason: 'parameter `n`' });
    assert.deepEqual(valueOf(result, 'busy'), { kind: 'unknown', reason: 'what `busy()` returns' });
  });

  test('what only some runs assign, a function may reassign, or a wildcard import may replace is unknown with the reason', async () => {
    const result = await summary(
      'import os\nA = 1\nif os.environ.get("X"):\n    A = 2\nB = 1\nB += 1\nC = 5\ndef configure():\n    global C\n    C = 6\nF, G = 1, 2\n',
    );
    assert.deepEqual(valueOf(result, 'A'), { kind: 'unknown', reason: 'assigned under a condition (line 3)' });
    assert.deepEqual(valueOf(result, 'B'), { kind: 'unknown', reason: 'changed by `B += 1`' });
    assert.deepEqual(valueOf(result, 'C'), { kind: 'unknown', reason: '`C` may be reassigned by a function (`global C`)' });
    assert.deepEqual(valueOf(result, 'F'), { kind: 'unknown', reason: '`F, G = 1, 2`' });
    const wildcard = await summary('D = 1\nfrom .local import *\nE = 2\ntry:\n    from .site import *\nexcept ImportError:\n    pass\n');
    assert.deepEqual(valueOf(wildcard, 'D'), { kind: 'unknown', reason: '`D` may be replaced by `from .site import *`' });
    assert.deepEqual(valueOf(wildcard, 'E'), { kind: 'unknown', reason: '`E` may be replaced by `from .site import *`' });
    assert.deepEqual(wildcard.wildcards, ['.local', '.site']);
  });

  test('names that are object properties in JavaScript are plain names', async () => {
    const result = await summary('constructor = 3\n__proto__ = 4\n');
    assert.deepEqual(valueOf(result, 'constructor'), { kind: 'number', value: 3 });
    assert.deepEqual(valueOf(result, '__proto__'), { kind: 'number', value: 4 });
    assert.equal(entryOf(result.names, 'toString'), undefined);
  });

  test('broken text summarises what parses', async () => {
    const result = await summary('POOL = 5\ndef broken(:\n  return\nLATER = (1,\n');
    assert.deepEqual(valueOf(result, 'POOL'), { kind: 'number', value: 5 });
  });
});
