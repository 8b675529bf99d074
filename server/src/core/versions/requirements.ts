/**
 * Reads the requirements a project declares: PEP 508 strings (in pyproject.toml, setup.cfg and
 * requirements files), Poetry's caret and tilde constraints, and the `-r`/`-c` includes of
 * requirements files. Pure text in, names and PEP 440 specifiers out.
 */
import { parse as parseToml } from 'smol-toml';

/** A distribution name normalised as PEP 503 says (`Foo_Bar.baz` → `foo-bar-baz`). */
export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

export type DeclaredRequirements = {
  /** Normalised distribution name → PEP 440 specifier ('' for "any version"). */
  readonly requirements: ReadonlyMap<string, string>;
  /** Other requirement files this one includes (`-r`/`-c`), as written. */
  readonly includes: readonly string[];
};

const PEP508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?\s*([^;@()]*?)\s*\)?\s*(?:;.*)?$/;

/** Parses one PEP 508 requirement string; undefined for URLs, paths and anything unreadable. */
export function parseRequirement(line: string): { name: string; specifier: string } | undefined {
  const match = PEP508.exec(line);
  if (!match) return undefined;
  return { name: normalizeName(match[1]), specifier: match[2].replace(/\s+/g, '') };
}

/** A requirements.txt file (comments, options, continuations, includes). */
export function parseRequirementsTxt(text: string): DeclaredRequirements {
  const requirements = new Map<string, string>();
  const includes: string[] = [];
  const logicalLines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  for (const raw of logicalLines) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    const include = /^(?:-r|-c|--requirement|--constraint)(?:\s+|=)(\S+)/.exec(line);
    if (include) {
      includes.push(include[1]);
      continue;
    }
    if (line.startsWith('-')) continue;
    const requirement = parseRequirement(line);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
  return { requirements, includes };
}

/** pyproject.toml: PEP 621 dependencies and optional dependencies, PEP 735 groups, Poetry tables. */
export function parsePyprojectRequirements(text: string): DeclaredRequirements {
  const document = parseToml(text) as Record<string, unknown>;
  const requirements = new Map<string, string>();
  const project = record(document.project);
  const strings = [
    ...stringList(project.dependencies),
    ...Object.values(record(project['optional-dependencies'])).flatMap(stringList),
    ...Object.values(record(document['dependency-groups'])).flatMap(stringList),
  ];
  for (const line of strings) {
    const requirement = parseRequirement(line);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
  const poetry = record(record(document.tool).poetry);
  const poetryTables = [record(poetry.dependencies), record(poetry['dev-dependencies']), ...Object.values(record(poetry.group)).map((group) => record(record(group).dependencies))];
  for (const table of poetryTables) {
    for (const [name, constraint] of Object.entries(table)) {
      const text = typeof constraint === 'string' ? constraint : typeof record(constraint).version === 'string' ? (record(constraint).version as string) : undefined;
      if (text !== undefined && name !== 'python') addRequirement(requirements, normalizeName(name), poetryToPep440(text));
    }
  }
  return { requirements, includes: [] };
}

/** setup.cfg: `[options] install_requires` and `[options.extras_require]`. */
export function parseSetupCfgRequirements(text: string): DeclaredRequirements {
  const requirements = new Map<string, string>();
  let section = '';
  let inList = false;
  for (const raw of text.split(/\r?\n/)) {
    const sectionMatch = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
    if (sectionMatch) {
      section = sectionMatch[1].trim();
      inList = false;
      continue;
    }
    const line = raw.replace(/(^|\s)[#;].*$/, '');
    const key = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (key) {
      inList = (section === 'options' && key[1] === 'install_requires') || section === 'options.extras_require';
      if (inList && key[2].trim()) addFromString(requirements, key[2]);
    } else if (inList && /^\s+\S/.test(line)) {
      addFromString(requirements, line);
    } else if (line.trim() !== '') {
      inList = false;
    }
  }
  return { requirements, includes: [] };
}

/** Poetry's `^1.2.3`, `~1.2`, `1.2.*`, `*` and plain versions as PEP 440 specifiers. */
export function poetryToPep440(constraint: string): string {
  return constraint
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== '*')
    .map((part) => {
      const caret = /^\^(\d+(?:\.\d+)*)$/.exec(part);
      if (caret) return `>=${caret[1]},<${bumpCaret(caret[1])}`;
      const tilde = /^~(\d+(?:\.\d+)*)$/.exec(part);
      if (tilde) return `>=${tilde[1]},<${bumpTilde(tilde[1])}`;
      if (/^\d/.test(part)) return `==${part}`;
      return part;
    })
    .join(',');
}

function bumpCaret(version: string): string {
  const parts = version.split('.').map(Number);
  const firstNonZero = parts.findIndex((part) => part !== 0);
  const significant = firstNonZero === -1 ? parts.length - 1 : firstNonZero;
  return [...parts.slice(0, significant), parts[significant] + 1].join('.');
}

function bumpTilde(version: string): string {
  const parts = version.split('.').map(Number);
  if (parts.length === 1) return `${parts[0] + 1}`;
  return `${parts[0]}.${parts[1] + 1}`;
}

function addFromString(requirements: Map<string, string>, text: string): void {
  for (const piece of text.split(/\n/)) {
    const requirement = parseRequirement(piece);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
}

/** Several declarations of one name all apply: their specifiers are joined. */
function addRequirement(requirements: Map<string, string>, name: string, specifier: string): void {
  const existing = requirements.get(name);
  requirements.set(name, [existing, specifier].filter((part) => part).join(','));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
