/**
 * A small OData $filter evaluator for the expressions TenantAtlas and real tools send: comparisons
 * (`displayName eq 'x'`, `isBuiltIn eq false`, `x eq null`), and/or/not, parentheses, `startswith`,
 * `endswith`, `contains`, `isof('microsoft.graph.t')`, casts (`microsoft.graph.managedApp/appAvailability`)
 * and `groupTypes/any(c:c eq 'Unified')`. Anything else throws `FilterError` (Graph answers 400).
 */
export class FilterError extends Error {}

type Token = { kind: 'str' | 'num' | 'ident' | 'punct'; value: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= src.length) throw new FilterError('unterminated string literal');
        if (src[i] === "'") {
          if (src[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += src[i++];
      }
      out.push({ kind: 'str', value });
    } else if ('(),:'.includes(ch)) {
      out.push({ kind: 'punct', value: ch });
      i++;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ kind: 'num', value: m[0] });
      i += m[0].length;
    } else {
      const m = /^[A-Za-z_$@][A-Za-z0-9_.$@/]*/.exec(src.slice(i));
      if (!m) throw new FilterError(`unexpected character '${ch}'`);
      out.push({ kind: 'ident', value: m[0] });
      i += m[0].length;
    }
  }
  return out;
}

type Value = unknown;
type Scope = { item: Record<string, unknown>; vars: Record<string, unknown> };
type Node = (scope: Scope) => Value;

const COMPARISONS = new Set(['eq', 'ne', 'gt', 'ge', 'lt', 'le']);

function norm(v: Value): Value {
  return typeof v === 'string' ? v.toLowerCase() : v;
}

function compare(op: string, a: Value, b: Value): boolean {
  const x = norm(a);
  const y = norm(b);
  switch (op) {
    case 'eq':
      return (x ?? null) === (y ?? null);
    case 'ne':
      return (x ?? null) !== (y ?? null);
  }
  if (x === null || x === undefined || y === null || y === undefined) return false;
  const [p, q] = [x as number | string, y as number | string];
  return op === 'gt' ? p > q : op === 'ge' ? p >= q : op === 'lt' ? p < q : p <= q;
}

function readPath(scope: Scope, path: string): Value {
  const segments = path.split('/');
  let cur: unknown;
  if (segments[0] in scope.vars) cur = scope.vars[segments.shift()!];
  else cur = scope.item;
  for (const seg of segments) {
    // Type casts (microsoft.graph.x/prop) are ignored: the simulator does not know the type hierarchy.
    if (seg.includes('.')) continue;
    if (cur === null || typeof cur !== 'object') return null;
    cur = (cur as Record<string, unknown>)[seg];
  }
  return cur === undefined ? null : cur;
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): Node {
    const node = this.or();
    if (this.pos < this.tokens.length) throw new FilterError(`unexpected '${this.tokens[this.pos].value}'`);
    return node;
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isWord(word: string): boolean {
    const t = this.peek();
    return t?.kind === 'ident' && t.value.toLowerCase() === word;
  }

  private expect(value: string): void {
    const t = this.tokens[this.pos++];
    if (!t || t.value !== value) throw new FilterError(`expected '${value}'`);
  }

  private or(): Node {
    let left = this.and();
    while (this.isWord('or')) {
      this.pos++;
      const l = left;
      const r = this.and();
      left = (s) => !!l(s) || !!r(s);
    }
    return left;
  }

  private and(): Node {
    let left = this.unary();
    while (this.isWord('and')) {
      this.pos++;
      const l = left;
      const r = this.unary();
      left = (s) => !!l(s) && !!r(s);
    }
    return left;
  }

  private unary(): Node {
    if (this.isWord('not')) {
      this.pos++;
      const inner = this.unary();
      return (s) => !inner(s);
    }
    const left = this.operand();
    const t = this.peek();
    if (t?.kind === 'ident' && COMPARISONS.has(t.value.toLowerCase())) {
      this.pos++;
      const right = this.operand();
      const op = t.value.toLowerCase();
      return (s) => compare(op, left(s), right(s));
    }
    return left;
  }

  private operand(): Node {
    const t = this.tokens[this.pos++];
    if (!t) throw new FilterError('unexpected end of expression');
    if (t.kind === 'punct' && t.value === '(') {
      const inner = this.or();
      this.expect(')');
      return inner;
    }
    if (t.kind === 'str') return () => t.value;
    if (t.kind === 'num') return () => Number(t.value);
    if (t.kind !== 'ident') throw new FilterError(`unexpected '${t.value}'`);
    const word = t.value;
    const lower = word.toLowerCase();
    if (lower === 'true') return () => true;
    if (lower === 'false') return () => false;
    if (lower === 'null') return () => null;
    if (this.peek()?.value === '(') {
      const lambda = /^(.*)\/(any|all)$/i.exec(word);
      if (lambda) return this.lambda(lambda[1], lambda[2].toLowerCase());
      return this.func(lower);
    }
    return (s) => readPath(s, word);
  }

  private lambda(path: string, kind: string): Node {
    this.expect('(');
    const v = this.tokens[this.pos++];
    if (v?.kind !== 'ident') throw new FilterError('expected lambda variable');
    this.expect(':');
    const body = this.or();
    this.expect(')');
    return (s) => {
      const list = readPath(s, path);
      if (!Array.isArray(list)) return false;
      const test = (el: unknown): boolean => !!body({ item: s.item, vars: { ...s.vars, [v.value]: el } });
      return kind === 'any' ? list.some(test) : list.every(test);
    };
  }

  private func(name: string): Node {
    this.expect('(');
    const args: Node[] = [];
    if (this.peek()?.value !== ')') {
      args.push(this.or());
      while (this.peek()?.value === ',') {
        this.pos++;
        args.push(this.or());
      }
    }
    this.expect(')');
    const str = (n: Node, s: Scope): string | null => {
      const v = n(s);
      return typeof v === 'string' ? v.toLowerCase() : null;
    };
    switch (name) {
      case 'startswith':
      case 'endswith':
      case 'contains': {
        if (args.length !== 2) throw new FilterError(`${name} takes two arguments`);
        return (s) => {
          const a = str(args[0], s);
          const b = str(args[1], s);
          if (a === null || b === null) return false;
          return name === 'startswith' ? a.startsWith(b) : name === 'endswith' ? a.endsWith(b) : a.includes(b);
        };
      }
      case 'isof': {
        if (args.length !== 1) throw new FilterError('isof takes one argument here');
        return (s) => {
          const wanted = String(args[0](s) ?? '')
            .replace(/^#/, '')
            .toLowerCase();
          return (
            String(s.item['@odata.type'] ?? '')
              .replace(/^#/, '')
              .toLowerCase() === wanted
          );
        };
      }
      default:
        throw new FilterError(`unsupported function '${name}'`);
    }
  }
}

export type FilterPredicate = (item: Record<string, unknown>) => boolean;

export function compileFilter(expression: string): FilterPredicate {
  const node = new Parser(tokenize(expression)).parse();
  return (item) => !!node({ item, vars: {} });
}
