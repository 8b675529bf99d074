/**
 * Pulls `poolGuide` settings per resource with workspace/configuration when the client supports
 * it; otherwise every resource gets the defaults.
 */
import type { Connection } from 'vscode-languageserver';
import { DEFAULT_SETTINGS, SETTINGS_SECTION, validateSettings, type Settings } from '../protocol';

export function createSettingsFetcher(connection: Connection, clientPullsConfiguration: () => boolean): (uri: string) => Promise<Settings> {
  return async (uri) => {
    if (!clientPullsConfiguration()) return DEFAULT_SETTINGS;
    try {
      return validateSettings(await connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }));
    } catch {
      return DEFAULT_SETTINGS;
    }
  };
}
