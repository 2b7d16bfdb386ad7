import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '../../../src/infrastructure/access';
import { startTestApp, type RunningTestApp } from '../../support/test-app';

const RESOLVER_TYPE = 'graphql:resolver_type'; // @nestjs/graphql RESOLVER_TYPE_METADATA
const ROOT = new Set(['Query', 'Mutation', 'Subscription']);

/** Every root operation of every resolver declares who may call it; the guard denies the rest at run time anyway. */
describe('access declarations', () => {
  let app: RunningTestApp;
  beforeAll(async () => {
    app = await startTestApp({ APP_ROLE: 'api' });
  });
  afterAll(() => app.close());

  it('should not have a root query, mutation or subscription without @Require…', () => {
    const discovery = app.app.get(DiscoveryService);
    const scanner = app.app.get(MetadataScanner);
    const reflector = app.app.get(Reflector);
    const roots: string[] = [];
    const undeclared: string[] = [];
    for (const wrapper of discovery.getProviders()) {
      const instance = wrapper.instance as object | undefined;
      if (!instance || typeof instance !== 'object') continue;
      const prototype = Object.getPrototypeOf(instance);
      for (const name of scanner.getAllMethodNames(prototype)) {
        const handler = prototype[name];
        const kind = Reflect.getMetadata(RESOLVER_TYPE, handler);
        if (!ROOT.has(kind)) continue;
        const label = `${instance.constructor.name}.${name} (${kind})`;
        roots.push(label);
        if (!reflector.getAllAndOverride(ACCESS_METADATA, [handler, instance.constructor])) undeclared.push(label);
      }
    }
    expect(roots.length).toBeGreaterThan(10);
    expect(undeclared).toEqual([]);
  });
});
