import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The architecture rule behind every module's public surface (issue 10, docs/architecture.md): a bounded context's
 * index.ts exports only
 *   - its Nest module(s) (`*.module.ts`: the module, and a `*WorkersModule` where it has background work),
 *   - one facade, the class `<Module>Facade` (`application/<module>.facade.ts`), with the read-model types its methods
 *     take and return (type-only),
 *   - domain event types (`*.events.ts`) and run-type context/result types (`*.run-types.ts`), type-only,
 *   - the GraphQL types other modules' resolvers return (`graphql/*.type.ts`).
 * dependency-cruiser makes index.ts the only door into a module; this makes sure the door stays narrow.
 */
const MODULES_DIR = __dirname;

type Rule = { test: RegExp; values: (name: string, module: string) => boolean; what: string };

const pascal = (folder: string) => folder.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());

const RULES: Rule[] = [
  { test: /^\.\/[a-z-]+\.module$/, values: (name) => name.endsWith('Module'), what: 'its Nest module(s)' },
  {
    test: /^\.\/application\/[a-z-]+\.facade$/,
    values: (name, module) => name === `${pascal(module)}Facade`,
    what: 'the facade class (other names from the facade file only as types)',
  },
  { test: /^\.\/application\/[a-z-]+\.events$/, values: () => false, what: 'domain event types (type-only)' },
  { test: /^\.\/application\/[a-z-]+\.run-types$/, values: () => false, what: 'run-type context/result types' },
  { test: /^\.\/graphql\/[a-z-]+\.type$/, values: () => true, what: 'GraphQL types' },
];
const SIDE_EFFECT_IMPORT = /^\.\/application\/[a-z-]+\.(events|run-types)$/;

/** Every rule broken by one module's index.ts, as messages that say what to do. */
export function contractViolations(module: string, source: string): string[] {
  const file = ts.createSourceFile(`${module}/index.ts`, source, ts.ScriptTarget.ES2022, true);
  const where = `src/modules/${module}/index.ts`;
  const violations: string[] = [];
  const facades: string[] = [];
  for (const statement of file.statements) {
    if (ts.isImportDeclaration(statement) && !statement.importClause) {
      const from = (statement.moduleSpecifier as ts.StringLiteral).text;
      if (!SIDE_EFFECT_IMPORT.test(from))
        violations.push(`${where}: import '${from}' — only *.events / *.run-types may be imported for their effect`);
      continue;
    }
    if (!ts.isExportDeclaration(statement) || !statement.moduleSpecifier) {
      violations.push(
        `${where}: "${statement.getText().split('\n')[0]}" — index.ts only re-exports (export { … } from)`,
      );
      continue;
    }
    const from = (statement.moduleSpecifier as ts.StringLiteral).text;
    const clause = statement.exportClause;
    if (!clause || !ts.isNamedExports(clause)) {
      violations.push(`${where}: export * from '${from}' — name each export`);
      continue;
    }
    const rule = RULES.find((r) => r.test.test(from));
    for (const element of clause.elements) {
      const name = element.name.text;
      const typeOnly = statement.isTypeOnly || element.isTypeOnly;
      if (/Facade$/.test(name) && !typeOnly) facades.push(name);
      if (!rule) {
        violations.push(
          `${where}: exports ${name} from '${from}' — a module exports only its Nest module, its <Module>Facade, event and run types, and GraphQL types`,
        );
      } else if (!typeOnly && !rule.values(name, module)) {
        violations.push(`${where}: exports ${name} from '${from}' as a value — that file may export ${rule.what}`);
      }
    }
  }
  if (facades.length > 1) violations.push(`${where}: ${facades.join(', ')} — one facade per module`);
  return violations;
}

describe('module contracts', () => {
  const modules = readdirSync(MODULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);

  it.each(modules)(
    'src/modules/%s/index.ts exports only the module, its facade, events, run types and GraphQL types',
    (module) => {
      const violations = contractViolations(module, readFileSync(join(MODULES_DIR, module, 'index.ts'), 'utf8'));
      expect(violations).toEqual([]);
    },
  );

  it('refuses an entity, a second facade, a private service, a value from an events file and export *', () => {
    const planted = [
      "export { BackupsModule } from './backups.module';",
      "export { BackupsFacade } from './application/backups.facade';",
      "export { OtherFacade } from './application/other.facade';",
      "export { BackupItem } from './domain/backup-item.entity';",
      "export { BackupWriter } from './application/backup-writer';",
      "export { BACKUP_CREATED } from './application/backups.events';",
      "export * from './graphql/backup.type';",
      "import './application/backup-writer';",
    ].join('\n');
    const violations = contractViolations('backups', planted);
    expect(violations).toHaveLength(7);
    expect(violations.join('\n')).toMatch(/BackupsFacade, OtherFacade — one facade per module/);
    expect(violations.join('\n')).toMatch(/OtherFacade.*may export the facade class/);
    expect(violations.join('\n')).toMatch(/BackupItem from '.\/domain\/backup-item.entity'/);
    expect(violations.join('\n')).toMatch(/BackupWriter/);
    expect(violations.join('\n')).toMatch(/BACKUP_CREATED.*as a value/);
    expect(violations.join('\n')).toMatch(/export \* from/);
    expect(violations.join('\n')).toMatch(/import '.\/application\/backup-writer'/);
  });
});
