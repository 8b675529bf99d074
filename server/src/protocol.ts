/**
 * The contract between the VS Code client and the server: the settings under `poolGuide.*`, their
 * defaults and validation, the diagnostic source name and command ids. Dependency-free, so the
 * client may import it.
 */

export const DIAGNOSTIC_SOURCE = 'pool-guide';
export const SETTINGS_SECTION = 'poolGuide';

export type SeveritySetting = 'error' | 'warning' | 'information' | 'hint' | 'off';

/** The settings the server reads for one resource. */
export type Settings = {
  /** Analyse Python files at all. */
  readonly enable: boolean;
  /** Rule code or name → severity, or "off". */
  readonly severity: Readonly<Record<string, SeveritySetting>>;
  /** Library id → version to assume (overrides detection). */
  readonly versions: Readonly<Record<string, string>>;
  /** A Python interpreter whose installed packages decide the versions ('' for none). */
  readonly interpreter: string;
  /** Inlay hints naming tuple items and positional arguments. */
  readonly inlayHints: { readonly enable: boolean };
  /** Seconds the PG301 fix writes as `timeout=`; null: `default-timeout` from pyproject.toml applies. */
  readonly defaultTimeout: number | null;
};

export const DEFAULT_SETTINGS: Settings = { enable: true, severity: {}, versions: {}, interpreter: '', inlayHints: { enable: true }, defaultTimeout: null };

const SEVERITIES: ReadonlySet<string> = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Reads untrusted settings JSON into Settings, dropping what does not fit. */
export function validateSettings(raw: unknown): Settings {
  const input = isRecord(raw) ? raw : {};
  const severity: Record<string, SeveritySetting> = {};
  if (isRecord(input.severity)) {
    for (const [rule, value] of Object.entries(input.severity)) {
      if (typeof value === 'string' && SEVERITIES.has(value)) severity[rule] = value as SeveritySetting;
    }
  }
  const versions: Record<string, string> = {};
  if (isRecord(input.versions)) {
    for (const [library, version] of Object.entries(input.versions)) {
      if (typeof version === 'string' && /^\d+(\.\d+)*$/.test(version.trim())) versions[library] = version.trim();
    }
  }
  const interpreter = typeof input.interpreter === 'string' ? input.interpreter.trim() : DEFAULT_SETTINGS.interpreter;
  const inlayHints = { enable: isRecord(input.inlayHints) && typeof input.inlayHints.enable === 'boolean' ? input.inlayHints.enable : DEFAULT_SETTINGS.inlayHints.enable };
  const defaultTimeout = typeof input.defaultTimeout === 'number' && Number.isFinite(input.defaultTimeout) && input.defaultTimeout > 0 ? input.defaultTimeout : DEFAULT_SETTINGS.defaultTimeout;
  return { enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable, severity, versions, interpreter, inlayHints, defaultTimeout };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The project files whose change can change a detected version; the client watches these. */
export const VERSION_FILE_GLOB = '**/{pyproject.toml,setup.cfg,requirements*.txt,requirements/*.txt,uv.lock,poetry.lock,pdm.lock,Pipfile.lock,*.dist-info/METADATA}';

/** Request from the client: the library versions in use for a document, for the status bar. */
export const VERSIONS_REQUEST = 'poolGuide/versions';
/** Notification to the client: project files changed, so version reports may have changed. */
export const VERSIONS_CHANGED_NOTIFICATION = 'poolGuide/versionsChanged';

export type VersionsParams = { readonly uri: string };

/** One library the document imports, the version assumed, and what decided it. */
export type LibraryVersionReport = {
  readonly library: string;
  readonly version: string;
  /** In words: "uv.lock", "assumed from requirements.txt: >=0.27", "poolGuide.versions setting". */
  readonly source: string;
  /** The deciding file's URI, when a file decided. */
  readonly fileUri?: string;
};

export type VersionsReport = { readonly libraries: readonly LibraryVersionReport[] };

/**
 * Web worker server only (it cannot read files): the text of project files, sent by the web client
 * when they change (`text: null` when deleted), before it sends `workspace/didChangeWatchedFiles`.
 */
export const PROJECT_FILES_NOTIFICATION = 'poolGuide/projectFiles';

export type ProjectFileContent = { readonly uri: string; readonly text: string | null };

export type ProjectFilesParams = { readonly files: readonly ProjectFileContent[] };

/** Web worker server only: its `initializationOptions`, the wasm files' URLs and the project files at start. */
export type WebInitializationOptions = {
  readonly wasm: { readonly runtime: string; readonly grammar: string };
  readonly projectFiles: readonly ProjectFileContent[];
};
