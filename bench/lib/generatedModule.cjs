// The large generated Python module shared by the benchmark and the bad-input protocol test: one
// client construction per block of lines, in four kinds (tuple timeout + Limits, Timeout object,
// a client inside a function, a transport), filled with comment lines up to the line count.
'use strict';

/** A module of `lines` lines with `clients` constructions. */
function generatedModule(lines, clients) {
  const out = ['"""Generated: many clients in one large module."""', 'import httpx', 'from httpx import Limits, Timeout', ''];
  const block = Math.floor((lines - out.length) / clients);
  for (let index = 0; index < clients; index++) {
    const body = [];
    switch (index % 4) {
      case 0:
        body.push(`client_${index} = httpx.Client(timeout=(${index % 7}.5, 27), limits=Limits(max_connections=${index + 1}))`);
        break;
      case 1:
        body.push(`async_${index} = httpx.AsyncClient(timeout=Timeout(${(index % 9) + 1}.0, connect=2.0))`);
        break;
      case 2:
        body.push(`def handler_${index}(url):`, `    with httpx.Client(timeout=None) as client:`, `        return client.get(url)`);
        break;
      default:
        body.push(`transport_${index} = httpx.HTTPTransport(retries=${index % 5}, limits=httpx.Limits(max_keepalive_connections=${index % 11}))`);
    }
    while (body.length < block - 1) body.push(`# filler ${index}.${body.length}: nothing to see here, just ordinary comment lines`);
    body.push('');
    out.push(...body);
  }
  while (out.length < lines) out.push(`# padding ${out.length}`);
  return out.join('\n') + '\n';
}

exports.generatedModule = generatedModule;
