import type { DiffRowView } from '../backups/diff/diff-rows';

const parse = (json: string): unknown => {
  try {
    return JSON.parse(json);
  } catch {
    return json;
  }
};

/** A plan's update diff (backup left, live target right, values as JSON text) in the shape the diff view reads. */
export function planDiffRows(rows: readonly { path: string; left: string; right: string }[]): DiffRowView[] {
  return rows.map((r) => {
    const left = parse(r.left);
    const right = parse(r.right);
    const kind =
      left === undefined || left === null ? 'ADDED' : right === undefined || right === null ? 'REMOVED' : 'CHANGED';
    return { path: r.path, label: r.path, kind, left, right };
  });
}
