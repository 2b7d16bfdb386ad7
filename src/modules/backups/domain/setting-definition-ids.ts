import { isJsonObject } from './natural-key';

/** Every `settingDefinitionId` in a payload, at any depth (settings catalog settings and their children). */
export function settingDefinitionIds(payload: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(payload)) {
    for (const item of payload) settingDefinitionIds(item, into);
  } else if (isJsonObject(payload)) {
    for (const [key, value] of Object.entries(payload)) {
      if (key === 'settingDefinitionId' && typeof value === 'string' && value) into.add(value);
      else if (typeof value === 'object' && value !== null) settingDefinitionIds(value, into);
    }
  }
  return into;
}
