/**
 * A finding's path as CI services want it: relative to a root folder, with `/` separators.
 */
import * as path from 'path';

export function projectPath(file: string, root: string): string {
  return path.relative(root, path.resolve(file)).split(path.sep).join('/');
}
