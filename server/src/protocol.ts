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
};

export const DEFAULT_SETTINGS: Settings = { enable: true, severity: {}, versions: {} };

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
  return { enable: typeof input.enable === 'boolean' ? input.enable : DEFAULT_SETTINGS.enable, severity, versions };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
