import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RUN_FAILURE_CODES } from './run-failure-codes';

/** README › Run failure codes is the catalogue, word for word: a code added or reworded here fails until it is there. */
describe('README › Run failure codes', () => {
  it('lists every catalogued failure code with its meaning, in catalogue order', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const section = readme.split('\n## Run failure codes\n')[1]?.split('\n## ')[0] ?? '';
    const documented = section.split('\n').filter((line) => /^\| `[a-z_]+` \|/.test(line));
    const expected = Object.entries(RUN_FAILURE_CODES).map(([code, meaning]) => `| \`${code}\` | ${meaning} |`);
    expect(documented).toEqual(expected);
  });

  it('uses lower_snake_case codes only', () => {
    for (const code of Object.keys(RUN_FAILURE_CODES)) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });
});
