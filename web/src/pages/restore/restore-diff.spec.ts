import { planDiffRows } from './restore-diff';

describe("a restore plan's update diff in the diff view", () => {
  it('reads the JSON text of each side and names the kind of change', () => {
    expect(
      planDiffRows([
        { path: 'a', left: '8', right: '11' },
        { path: 'b', left: 'null', right: '"x"' },
        { path: 'c', left: '{"k":1}', right: 'null' },
        { path: 'd', left: 'not json', right: '"y"' },
      ]),
    ).toEqual([
      { path: 'a', label: 'a', kind: 'CHANGED', left: 8, right: 11 },
      { path: 'b', label: 'b', kind: 'ADDED', left: null, right: 'x' },
      { path: 'c', label: 'c', kind: 'REMOVED', left: { k: 1 }, right: null },
      { path: 'd', label: 'd', kind: 'CHANGED', left: 'not json', right: 'y' },
    ]);
  });
});
