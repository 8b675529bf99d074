/**
 * Version arithmetic over the catalog: comparing release numbers, testing ranges, and the view of
 * a callable at one version (which parameters it has, in which positional order). Pure.
 */
import type { CallableSpec, Lifecycle, ParamSpec, ScalarReading, VersionedFields, VersionRange } from './schema';

/** Compares dotted release numbers numerically (`0.9` < `0.14`); non-numeric parts compare as 0. */
export function compareVersions(left: string, right: string): number {
  const a = left.split('.').map((part) => parseInt(part, 10) || 0);
  const b = right.split('.').map((part) => parseInt(part, 10) || 0);
  for (let index = 0; index < Math.max(a.length, b.length); index++) {
    const difference = (a[index] ?? 0) - (b[index] ?? 0);
    if (difference !== 0) return Math.sign(difference);
  }
  return 0;
}

export function isInRange(version: string, range: VersionRange): boolean {
  if (range.from !== undefined && compareVersions(version, range.from) < 0) return false;
  if (range.until !== undefined && compareVersions(version, range.until) >= 0) return false;
  return true;
}

/** The state of a name at a version: usable, deprecated (still works, warns), removed, or not yet added. */
export type NameStatus = 'current' | 'deprecated' | 'removed' | 'not-yet';

export function nameStatusAt(version: string, since: string | undefined, lifecycle: Lifecycle | undefined): NameStatus {
  if (since !== undefined && compareVersions(version, since) < 0) return 'not-yet';
  if (lifecycle?.removedIn !== undefined && compareVersions(version, lifecycle.removedIn) >= 0) return 'removed';
  if (lifecycle?.deprecatedIn !== undefined && compareVersions(version, lifecycle.deprecatedIn) >= 0) return 'deprecated';
  return 'current';
}

/** The names that may be passed by position at this version, in order. */
export function positionalNamesAt(callable: CallableSpec, version: string): readonly string[] {
  return callable.positional.find((order) => isInRange(version, order.versions))?.names ?? [];
}

/** The parameter a keyword names, whatever its status at the version (removed names still bind, to be reported). */
export function paramByName(callable: CallableSpec, name: string): ParamSpec | undefined {
  return callable.params.find((param) => param.name === name);
}

/** The field values an omitted parameter stands for at a version, if the catalog knows them. */
export function omittedFieldsAt(param: ParamSpec, version: string): Readonly<Record<string, number | null>> | undefined {
  return versionedFieldsAt(param.omittedFields ?? [], version);
}

/** The field values of the entry whose range holds the version. */
export function versionedFieldsAt(entries: readonly VersionedFields[], version: string): Readonly<Record<string, number | null>> | undefined {
  return entries.find((entry) => isInRange(version, entry.versions))?.values;
}

/** The parameter's default (Python text) in effect at a version. */
export function defaultAt(param: ParamSpec, version: string): string {
  return param.defaultsByVersion?.find((entry) => isInRange(version, entry.versions))?.default ?? param.default;
}

/** The client's own default for a config field at a version (a versioned entry, else `clientDefault`). */
export function clientDefaultAt(param: ParamSpec, version: string): number | null | undefined {
  const versioned = param.clientDefaultsByVersion?.find((entry) => isInRange(version, entry.versions));
  return versioned ? versioned.value : param.clientDefault;
}

/** How a bare number or None passed to this parameter reads at a version, where the catalog says. */
export function scalarReadingAt(param: ParamSpec, version: string): ScalarReading | undefined {
  return param.scalarReadings?.find((entry) => isInRange(version, entry.versions));
}

/** A version range as a phrase: `from 2.0.0 on`, `before 2.0.0`, `from 2.0.0 up to 2.6.3`, `in every release`. */
export function rangeText(range: VersionRange): string {
  if (range.from !== undefined && range.until !== undefined) return `from ${range.from} up to ${range.until}`;
  if (range.from !== undefined) return `from ${range.from} on`;
  if (range.until !== undefined) return `before ${range.until}`;
  return 'in every release';
}
