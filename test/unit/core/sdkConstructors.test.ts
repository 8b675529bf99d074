/**
 * Every SDK constructor the catalog knows (openai's and anthropic's clients and Default*Client
 * classes, boto3's client and resource makers) gets a hover card with concrete values when it is
 * written with no arguments: each timeout phase, the retries, the pool and (for the SDK clients)
 * the redirects, none of them unknown. The constructors are read from the catalog, so a new one is
 * covered as soon as it is catalogued.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LIBRARIES } from '../../../server/src/catalog';
import { hoverText, row } from '../../helpers/hover';

const constructors = LIBRARIES.filter((library) => ['openai', 'anthropic', 'boto3'].includes(library.id)).flatMap((library) =>
  library.callables.filter((callable) => callable.kind === 'client').map((callable) => ({ library, callable })),
);

test('the catalog has every SDK constructor the issue names', () => {
  const names = constructors.map(({ library, callable }) => `${library.id}.${callable.receiver ? `${callable.receiver}.` : ''}${callable.name}`);
  for (const name of [
    'openai.OpenAI', 'openai.AsyncOpenAI', 'openai.AzureOpenAI', 'openai.AsyncAzureOpenAI', 'openai.DefaultHttpxClient', 'openai.DefaultAsyncHttpxClient', 'openai.DefaultAioHttpClient',
    'anthropic.Anthropic', 'anthropic.AsyncAnthropic', 'anthropic.AnthropicBedrock', 'anthropic.AsyncAnthropicBedrock', 'anthropic.AnthropicVertex', 'anthropic.AsyncAnthropicVertex',
    'anthropic.DefaultHttpxClient', 'anthropic.DefaultAsyncHttpxClient',
    'boto3.client', 'boto3.resource', 'boto3.Session.client', 'boto3.Session.resource',
  ]) {
    assert.ok(names.includes(name), `${name} is not catalogued as a client`);
  }
});

for (const { library, callable } of constructors) {
  const module = library.modules[0];
  const call = callable.receiver ? `${module}.${callable.receiver}().${callable.name}("s3")` : library.id === 'boto3' ? `${module}.${callable.name}("s3")` : `${module}.${callable.name}()`;
  test(`${call} has a card with concrete values`, async () => {
    const source = `import ${module}\nc = ${call}\n`;
    const card = await hoverText(source, `${callable.name}(`);
    assert.ok(card, `no card on ${call}`);
    const rows = card.split('\n').filter((line) => line.startsWith('| `'));
    assert.ok(rows.length >= 4, `${call}: ${rows.length} rows`);
    for (const line of rows) assert.doesNotMatch(line, /\| unknown/, `${call}: ${line}`);
    if (library.id === 'boto3') {
      for (const field of ['connect_timeout', 'read_timeout', 'max_pool_connections', 'retries']) row(card, field);
    } else {
      for (const field of ['connect', 'read', 'write', 'pool']) row(card, field);
      if (callable.wrapsClient) for (const field of ['max_retries', 'limits.max_connections', 'follow_redirects']) row(card, field);
    }
  });
}
