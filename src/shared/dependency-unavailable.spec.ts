import { dependencyUnavailable } from './dependency-unavailable';

describe('dependencyUnavailable', () => {
  const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

  it.each([
    [withCode('terminating connection due to administrator command', '57P01'), 'database'],
    [withCode('the database system is starting up', '57P03'), 'database'],
    [new Error('Connection terminated unexpectedly'), 'database'],
    [Object.assign(new Error('Query failed'), { driverError: withCode('connection failure', '08006') }), 'database'],
    [
      Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
      'redis',
    ],
    [new Error('Connection is closed.'), 'redis'],
    [withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'), 'network'],
    [
      Object.assign(new Error('Unexpected error value'), { thrownValue: { code: 'ECONNREFUSED', port: 5432 } }),
      'network',
    ],
  ])('says %p is an unavailable %s', (error, kind) => {
    expect(dependencyUnavailable(error)).toBe(kind);
  });

  it.each([
    [withCode('duplicate key value violates unique constraint', '23505')],
    [withCode('syntax error at or near', '42601')],
    [new TypeError('x is undefined')],
    ['a string'],
  ])('leaves %p alone (a bug or a client mistake, not an outage)', (error) => {
    expect(dependencyUnavailable(error)).toBeNull();
  });
});
