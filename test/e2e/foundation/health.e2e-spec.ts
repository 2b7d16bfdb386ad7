import { startTestApp } from '../../support/test-app';
import { freePort as closedPort } from '../../support/free-port';

describe('health', () => {
  it('is ready when PostgreSQL and Redis are reachable', async () => {
    const app = await startTestApp({ APP_ROLE: 'api' });
    try {
      const response = await fetch(`${app.url}/health/ready`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        status: 'ok',
        info: { postgres: { status: 'up' }, redis: { status: 'up' } },
      });
    } finally {
      await app.close();
    }
  });

  it('turns 503 and names Redis when Redis is unreachable, while liveness stays 200', async () => {
    const app = await startTestApp({ APP_ROLE: 'api', REDIS_URL: `redis://127.0.0.1:${await closedPort()}` });
    try {
      expect((await fetch(`${app.url}/health/live`)).status).toBe(200);
      const response = await fetch(`${app.url}/health/ready`);
      expect(response.status).toBe(503);
      const body = (await response.json()) as {
        error: Record<string, { status: string }>;
        info: Record<string, { status: string }>;
      };
      expect(body.error.redis.status).toBe('down');
      expect(body.info.postgres.status).toBe('up');
    } finally {
      await app.close();
    }
  });
});
