import { Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig } from '../config/app-config';
import { metricsRegistry } from './metrics';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * `/metrics` (Prometheus text format) on its own port, METRICS_PORT (unset: off), bound to METRICS_HOST (loopback by
 * default): never on the public port, so neither the internet nor a tenant user can read it. With METRICS_TOKEN set, a
 * scrape must also send `Authorization: Bearer <token>` (for a port reachable beyond the host, e.g. in a cluster).
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Metrics');
  private server: Server | null = null;

  constructor(private readonly config: AppConfig) {}

  /** The port it listens on (null: off); METRICS_PORT=0 picks a free one (tests). */
  get port(): number | null {
    return this.server ? (this.server.address() as AddressInfo).port : null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { METRICS_PORT: port, METRICS_HOST: host } = this.config.env;
    if (port === undefined) return;
    this.server = createServer((req, res) => void this.answer(req.url ?? '', req.headers.authorization, res));
    await new Promise<void>((resolve, reject) => {
      this.server!.once('error', reject);
      this.server!.listen(port, host, () => resolve());
    });
    this.logger.log(`Metrics on http://${host}:${this.port}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise((resolve) => server.close(resolve));
  }

  private async answer(url: string, authorization: string | undefined, res: import('node:http').ServerResponse) {
    if (url.split('?')[0] !== '/metrics') return end(res, 404, 'not found');
    const token = this.config.env.METRICS_TOKEN;
    if (token && !timingSafeEqual(digest(authorization ?? ''), digest(`Bearer ${token}`))) {
      res.setHeader('www-authenticate', 'Bearer');
      return end(res, 401, 'unauthorized');
    }
    try {
      const body = await metricsRegistry.metrics();
      res.writeHead(200, { 'content-type': metricsRegistry.contentType });
      res.end(body);
    } catch (error) {
      this.logger.warn(`Metrics collection failed: ${String(error)}`);
      end(res, 500, 'metrics collection failed');
    }
  }
}

function end(res: import('node:http').ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'content-type': 'text/plain' });
  res.end(text);
}
