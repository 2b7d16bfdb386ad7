import { denyReason } from './roles';

describe('denyReason (controls a role cannot use are disabled with the reason)', () => {
  it('lets operators and admins start work and tells a viewer which role it needs', () => {
    expect(denyReason({ myRole: 'OPERATOR' }, 'OPERATOR', 'sync')).toBeNull();
    expect(denyReason({ myRole: 'ADMIN' }, 'OPERATOR', 'sync')).toBeNull();
    expect(denyReason({ myRole: 'VIEWER' }, 'OPERATOR', 'sync')).toBe(
      'Needs the operator role on this tenant to sync (you are viewer)',
    );
  });

  it('refuses everything on an archived tenant, whatever the role', () => {
    expect(denyReason({ myRole: 'ADMIN', status: 'ARCHIVED' }, 'VIEWER')).toMatch(/archived/);
  });
});
