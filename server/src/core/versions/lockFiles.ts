/**
 * Reads the exact versions a lock file or an installed distribution records: uv.lock,
 * poetry.lock and pdm.lock (`[[package]]` tables), Pipfile.lock (JSON), and a
 * `*.dist-info/METADATA` file. Pure text in, normalised names and versions out.
 */
import { parse as parseToml } from 'smol-toml';
import { normalizeName } from './requirements';

export type LockKind = 'uv.lock' | 'poetry.lock' | 'pdm.lock' | 'Pipfile.lock';

export const LOCK_FILES: readonly LockKind[] = ['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock'];

/** Normalised name → locked version. */
export function parseLockFile(kind: LockKind, text: string): Map<string, string> {
  const versions = new Map<string, string>();
  if (kind === 'Pipfile.lock') {
    const document = JSON.parse(text) as Record<string, Record<string, { version?: unknown }>>;
    for (const section of ['default', 'develop']) {
      for (const [name, entry] of Object.entries(document[section] ?? {})) {
        if (typeof entry?.version === 'string') versions.set(normalizeName(name), entry.version.replace(/^==/, ''));
      }
    }
    return versions;
  }
  const document = parseToml(text) as { package?: unknown };
  for (const entry of Array.isArray(document.package) ? document.package : []) {
    const { name, version } = entry as { name?: unknown; version?: unknown };
    if (typeof name === 'string' && typeof version === 'string' && !versions.has(normalizeName(name))) versions.set(normalizeName(name), version);
  }
  return versions;
}

/** The name and version in a distribution's METADATA file. */
export function parseDistInfoMetadata(text: string): { name: string; version: string } | undefined {
  const name = /^Name:\s*(.+)$/m.exec(text)?.[1];
  const version = /^Version:\s*(.+)$/m.exec(text)?.[1];
  return name && version ? { name: normalizeName(name), version: version.trim() } : undefined;
}
