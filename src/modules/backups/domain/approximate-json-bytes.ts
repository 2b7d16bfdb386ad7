/**
 * Roughly how many bytes `JSON.stringify(value)` would take, without building the string (no garbage): what the
 * backup pipeline bounds in-flight payloads by, since a settings-catalog policy weighs as much as a hundred scripts.
 * Exact for ASCII strings without escapes; numbers count 8.
 */
export function approximateJsonBytes(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return value.length + 2;
    case 'number':
      return 8;
    case 'boolean':
      return value ? 4 : 5;
    case 'object': {
      if (value === null) return 4;
      // Brackets, plus a comma between entries.
      let bytes = 1;
      if (Array.isArray(value)) {
        for (const item of value) bytes += approximateJsonBytes(item) + 1;
      } else {
        for (const [key, item] of Object.entries(value)) bytes += key.length + 4 + approximateJsonBytes(item);
      }
      return Math.max(bytes, 2);
    }
    default:
      return 0;
  }
}
