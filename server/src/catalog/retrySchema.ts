/**
 * The catalog's schema for a config object's retry policy and its named presets of defaults: a dict
 * option that picks a retry mode and a number of attempts (botocore's `retries={"mode": ...,
 * "max_attempts": ...}`), and an option that picks a preset which changes field defaults and the
 * retry mode (botocore's `defaults_mode=`). Types only; the facts are in the library's file.
 */
import type { Source, VersionRange } from './schema';

/** One retry mode and the attempts it makes (the first included) when nothing sets them. */
export type RetryMode = {
  readonly name: string;
  readonly attempts: number;
  /** Services (as the client names them) whose own default differs: service → attempts. */
  readonly serviceAttempts?: Readonly<Record<string, number>>;
  readonly source: Source;
};

/** A dict option that sets the retry mode and how many attempts are made. */
export type RetryOption = {
  /** The option that takes the dict (`retries`). */
  readonly param: string;
  /** The key naming the mode. */
  readonly modeKey: string;
  /** The key counting retries after the first attempt: the attempts in all are its value + 1. */
  readonly retriesKey: string;
  /** The key counting every attempt, the first included; it wins over `retriesKey`. */
  readonly totalKey: string;
  /** The mode when neither the code, a preset nor the environment sets one. */
  readonly defaultMode: string;
  readonly modes: readonly RetryMode[];
  /** The parameter of the client that names the service (for `serviceAttempts`). */
  readonly serviceParam: string;
  /** What outside the code sets the mode and the attempts the code leaves out, each in a few words. */
  readonly setOutsideCode: { readonly mode: string; readonly attempts: string };
  /** How the dict's keys are read: `retriesKey` + 1, `totalKey` winning, the mode's fallback. */
  readonly source: Source;
};

/** A named preset: the defaults it gives the fields the code leaves out, and the retry mode it makes the default. */
export type DefaultsPreset = {
  readonly name: string;
  readonly fields: Readonly<Record<string, number>>;
  readonly retryMode: string;
  readonly source: Source;
};

/** An option that picks a preset of defaults by name. */
export type DefaultsModeOption = {
  readonly param: string;
  /** The versions that have the option and these presets. */
  readonly versions: VersionRange;
  /** The name that means "no preset": the config's own defaults (also what applies when nothing sets it). */
  readonly none: string;
  readonly presets: readonly DefaultsPreset[];
  /** Names resolved at run time to one of `among`, and how, in words. */
  readonly runtime: readonly { readonly name: string; readonly among: readonly string[]; readonly how: string; readonly source: Source }[];
  /** What outside the code picks the preset when the code does not, in a few words. */
  readonly setOutsideCode: string;
  /** Fields a preset given in the config object leaves to the preset; a preset from outside the code does not change them when a config object is given. */
  readonly fieldsOnlyFromCode: boolean;
  readonly source: Source;
};
