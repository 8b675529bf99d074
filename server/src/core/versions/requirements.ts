/**
 * Reads the requirements a project declares: PEP 508 strings (in pyproject.toml, setup.cfg and
 * requirements files), Poetry's caret and tilde constraints, and the `-r`/`-c` includes of
 * requirements files. Pure text in, names and PEP 440 specifiers out. A project file may come from
 * an untrusted repository: at most `MAX_REQUIREMENTS` requirements are read from one file, repeated
 * clauses once and at most `MAX_CLAUSES_PER_NAME` per name, so that the work stays linear and small.
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

/** Distinct specifier clauses read per name; later ones are ignored (no real project has this many). */
export const MAX_CLAUSES_PER_NAME = 16;

/** Requirements read per file; later ones are ignored (no real project declares this many). */
export const MAX_REQUIREMENTS = 10_000;

/** Longer requirement lines are not read (the pattern below would backtrack over them). */
const MAX_REQUIREMENT_LENGTH = 1_000;

/** Normalised name → its distinct clauses, in the order first read. */
type Clauses = Map<string, Set<string>>;

const PEP508 = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*\(?\s*([^;@()]*?)\s*\)?\s*(?:;.*)?$/;

/** Parses one PEP 508 requirement string; undefined for URLs, paths and anything unreadable. */
export function parseRequirement(line: string): { name: string; specifier: string } | undefined {
  if (line.length > MAX_REQUIREMENT_LENGTH) return undefined;
  const match = PEP508.exec(line);
  if (!match) return undefined;
  return { name: normalizeName(match[1]), specifier: match[2].replace(/\s+/g, '') };
}

/** A requirements.txt file (comments, options, continuations, includes). */
export function parseRequirementsTxt(text: string): DeclaredRequirements {
  const requirements: Clauses = new Map();
  const includes: string[] = [];
  const logicalLines = text.replace(/\\\r?\n/g, ' ').split(/\r?\n/);
  let read = 0;
  for (const raw of logicalLines) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (line === '') continue;
    if (++read > MAX_REQUIREMENTS) break;
    const include = /^(?:-r|-c|--requirement|--constraint)(?:\s+|=)(\S+)/.exec(line);
    if (include) {
      includes.push(include[1]);
      continue;
    }
    if (line.startsWith('-')) continue;
    const requirement = parseRequirement(line);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
  return { requirements: joined(requirements), includes };
}

/** pyproject.toml: PEP 621 dependencies and optional dependencies, PEP 735 groups, Poetry tables. */
export function parsePyprojectRequirements(text: string): DeclaredRequirements {
  const document = parseToml(text) as Record<string, unknown>;
  const requirements: Clauses = new Map();
  const project = record(document.project);
  const strings = [
    ...stringList(project.dependencies),
    ...Object.values(record(project['optional-dependencies'])).flatMap(stringList),
    ...Object.values(record(document['dependency-groups'])).flatMap(stringList),
  ];
  for (const line of strings.slice(0, MAX_REQUIREMENTS)) {
    const requirement = parseRequirement(line);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
  const poetry = record(record(document.tool).poetry);
  const poetryTables = [record(poetry.dependencies), record(poetry['dev-dependencies']), ...Object.values(record(poetry.group)).map((group) => record(record(group).dependencies))];
  for (const table of poetryTables) {
    for (const [name, constraint] of Object.entries(table).slice(0, MAX_REQUIREMENTS)) {
      const text = typeof constraint === 'string' ? constraint : typeof record(constraint).version === 'string' ? (record(constraint).version as string) : undefined;
      if (text !== undefined && name !== 'python') addRequirement(requirements, normalizeName(name), poetryToPep440(text));
    }
  }
  return { requirements: joined(requirements), includes: [] };
}

/** setup.cfg: `[options] install_requires` and `[options.extras_require]`. */
export function parseSetupCfgRequirements(text: string): DeclaredRequirements {
  const requirements: Clauses = new Map();
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
  return { requirements: joined(requirements), includes: [] };
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

function addFromString(requirements: Clauses, text: string): void {
  for (const piece of text.split(/\n/)) {
    const requirement = parseRequirement(piece);
    if (requirement) addRequirement(requirements, requirement.name, requirement.specifier);
  }
}

/** Several declarations of one name all apply: their distinct clauses are kept (up to the cap), to be joined. */
function addRequirement(requirements: Clauses, name: string, specifier: string): void {
  let clauses = requirements.get(name);
  if (!clauses) requirements.set(name, (clauses = new Set()));
  for (const clause of specifier.split(',')) if (clause !== '' && clauses.size < MAX_CLAUSES_PER_NAME) clauses.add(clause);
}

/** Each name's clauses as one PEP 440 specifier. */
function joined(requirements: Clauses): Map<string, string> {
  return new Map([...requirements].map(([name, clauses]) => [name, [...clauses].join(',')]));
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}
