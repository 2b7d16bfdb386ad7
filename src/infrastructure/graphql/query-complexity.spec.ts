import { GraphQLError, parse } from 'graphql';
import { GRAPHQL_LIMITS } from './graphql-limits';
import { QueryTooComplexError, queryLimits, tooComplexFromParseError } from './query-complexity';

describe('query complexity limits', () => {
  it('recognises graphql-js refusing a document over the token limit (its wording is pinned here)', () => {
    const source = `{ me { ${Array.from({ length: GRAPHQL_LIMITS.maxTokens }, () => 'oid').join(' ')} } }`;
    const error = (() => {
      try {
        parse(source, queryLimits(false).parseOptions);
      } catch (thrown) {
        return thrown as GraphQLError;
      }
      throw new Error('parse accepted a document over the token limit');
    })();
    expect(tooComplexFromParseError(error)).toMatchObject({
      message: `Query too complex: the document has more than ${GRAPHQL_LIMITS.maxTokens} tokens`,
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'tokens', max: GRAPHQL_LIMITS.maxTokens },
    });
  });

  it('leaves an ordinary syntax error a syntax error', () => {
    const error = (() => {
      try {
        parse('{ me { oid }');
      } catch (thrown) {
        return thrown as GraphQLError;
      }
      throw new Error('parse accepted a broken document');
    })();
    expect(tooComplexFromParseError(error)).toBeNull();
  });

  it('says which limit was exceeded, by how much, without calling it a syntax error', () => {
    const error = new QueryTooComplexError('aliases', 15, 100);
    expect(error.message).toBe('Query too complex: 100 aliases exceed the limit of 15');
    expect(error.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'aliases', max: 15, found: 100 });
  });
});
