import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

describe('audit trail is append-only in code', () => {
  const files = [...sources(__dirname), ...sources(join(__dirname, '..'))].filter((f, i, all) => all.indexOf(f) === i);

  it('should not offer an update or delete path on audit events anywhere in src/modules', () => {
    const offenders: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      if (!/AuditEventEntity|audit_events/.test(text)) continue;
      if (
        /\.(update|delete|remove|softDelete|softRemove|restore|save|upsert|clear|increment|decrement)\s*\(/.test(text)
      )
        offenders.push(file);
      if (/\b(UPDATE|DELETE\s+FROM|TRUNCATE)\s+"?audit_events/i.test(text)) offenders.push(file);
    }
    expect(offenders).toEqual([]);
  });

  it('writes only through insert', () => {
    const facade = readFileSync(join(__dirname, 'application/audit.facade.ts'), 'utf8');
    expect(facade).toMatch(/\.insert\(AuditEventEntity/);
  });
});
