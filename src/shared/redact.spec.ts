import { redactSecrets, safeErrorMessage } from './redact';

describe('redactSecrets', () => {
  it('should remove bearer tokens, JWTs, private keys and secret assignments', () => {
    const jwt = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const text = `Authorization: Bearer abc.def.ghi token=${jwt} client_secret=S3cr3t! {"clientSecret":"hunter2"} -----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----`;
    const out = redactSecrets(text);
    for (const leaked of ['abc.def.ghi', jwt, 'S3cr3t!', 'hunter2', 'MIIB']) expect(out).not.toContain(leaked);
  });

  it('should keep ordinary text intact', () => {
    expect(redactSecrets('Graph returned 403 Forbidden for deviceConfigurations')).toBe(
      'Graph returned 403 Forbidden for deviceConfigurations',
    );
  });

  it('should cap and redact error messages', () => {
    const message = safeErrorMessage(new Error(`failed with Bearer sekrit-token ${'x'.repeat(2000)}`), 100);
    expect(message).not.toContain('sekrit-token');
    expect(message.length).toBeLessThanOrEqual(100);
  });
});
