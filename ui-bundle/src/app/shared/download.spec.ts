import { describe, expect, it } from 'vitest';

import { certificatesUri, dockerCommand } from './download';

describe('the client bundle', () => {
  it('is collected under its task, with the query kept', () => {
    expect(certificatesUri('/container/target/vc/tasks/abc?thumbprint=AA:BB')).toBe(
      '/container/target/vc/tasks/abc/certificates?thumbprint=AA:BB',
    );
    expect(certificatesUri('/container/target/vc/tasks/abc')).toBe('/container/target/vc/tasks/abc/certificates');
  });

  it('is used with a docker command that verifies both ends', () => {
    expect(dockerCommand('10.0.0.5:2376')).toBe(
      'docker --tlsverify --tlscacert=ca.pem --tlscert=cert.pem --tlskey=key.pem -H 10.0.0.5:2376 info',
    );
    expect(dockerCommand(undefined)).toContain('<VCH address>:2376');
  });
});
