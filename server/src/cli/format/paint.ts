/**
 * Colour for terminal output, with Node's `util.styleText`. Whether to colour is decided once per
 * stream: FORCE_COLOR (any value but `0`/`false`) forces it, even into a pipe; otherwise NO_COLOR
 * (non-empty) or a stream that is not a terminal (or TERM=dumb) turns it off. Node's own rule order.
 */
import { styleText } from 'util';
import type { Severity } from '../../core/types';

export type Style = 'path' | 'code' | 'fix' | 'dim' | 'bold' | 'gutter' | 'inlineCode' | Severity;

export type Paint = (text: string, style: Style) => string;

type Format = Parameters<typeof styleText>[0];

const FORMATS: Record<Style, Format> = {
  path: 'bold',
  code: ['bold', 'red'],
  fix: 'cyan',
  dim: 'dim',
  bold: 'bold',
  gutter: ['bold', 'blue'],
  inlineCode: 'cyan',
  error: ['bold', 'red'],
  warning: ['bold', 'yellow'],
  information: ['bold', 'blue'],
  hint: 'dim',
};

export type ColourEnv = Readonly<Record<string, string | undefined>>;

export function wantsColour(stream: { readonly isTTY?: boolean }, env: ColourEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  if (env.NO_COLOR) return false;
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** A painter that colours when `colour` is true and leaves text as it is otherwise. */
export function paintWith(colour: boolean): Paint {
  // The decision is ours (above): styleText must not second-guess it against its own stream.
  return colour ? (text, style) => (text === '' ? text : styleText(FORMATS[style], text, { validateStream: false })) : (text) => text;
}

export function painter(stream: NodeJS.WriteStream): Paint {
  return paintWith(wantsColour(stream));
}

/** The width to fit: the terminal's, else COLUMNS, else 80. */
export function terminalWidth(stream: NodeJS.WriteStream, env: ColourEnv = process.env): number {
  if (stream.isTTY === true && stream.columns > 0) return stream.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : 80;
}
