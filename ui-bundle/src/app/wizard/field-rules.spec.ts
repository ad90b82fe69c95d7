import { describe, expect, it } from 'vitest';

import { adminName } from './compute-name';
import { cidr, ipList, ipRange, isCidr, label, limit, pem, port, registry, vchName, wholeNumber } from './field-rules';

describe('the wizard field rules', () => {
  it('names: required, no forbidden character, at most 31 characters', () => {
    expect(vchName('')).toBe('Name cannot be empty');
    expect(vchName('   ')).toBe('Name cannot be empty');
    for (const bad of ['a%b', 'a&b', 'a*b', 'a$b', 'a#b', 'a@b', 'a!b', 'a\\b', 'a/b', 'a:b', 'a?b', 'a"b', 'a<b', 'a>b', 'a;b', "a'b", 'a|b'])
      expect(vchName(bad)).toBe('Name contains characters that are not allowed');
    expect(vchName('x'.repeat(32))).toBe('Name cannot be longer than 31 characters');
    expect(vchName('virtual-container-host')).toBe('');
  });

  it('limits: Unlimited or a positive whole number under the maximum', () => {
    expect(limit('Unlimited', 'CPU limit', 'MHz')).toBe('');
    expect(limit('unlimited', 'CPU limit', 'MHz')).toBe('');
    expect(limit('', 'CPU limit', 'MHz')).toBe('CPU limit cannot be empty');
    expect(limit('abc', 'CPU limit', 'MHz')).toBe("CPU limit should either be 'Unlimited' or a number");
    expect(limit('0', 'CPU limit', 'MHz')).toBe('CPU limit should be bigger than 0');
    expect(limit('5000', 'CPU limit', 'MHz', 4000)).toBe('CPU limit cannot be bigger than 4000 MHz');
    expect(limit('2000', 'CPU limit', 'MHz', 4000)).toBe('');
  });

  it('ports, numbers and labels', () => {
    expect(port('')).toBe('');
    expect(port('80a')).toBe('Port should be numeric');
    expect(port('123456')).toBe('Port cannot be more than 5 digits long');
    expect(port('70000')).toBe('Port must be from 1 to 65535');
    expect(port('514')).toBe('');
    expect(wholeNumber('0', 'CPUs')).toBe('CPUs should be at least 1');
    expect(wholeNumber('31', 'Width', 1, 30)).toBe('Width cannot be bigger than 30');
    expect(label('', 'Docker volume name')).toBe('Docker volume name cannot be empty');
    expect(label('a/b', 'Docker volume name')).toBe('Docker volume name contains characters that are not allowed');
  });

  it('addresses', () => {
    expect(isCidr('172.16.0.0/12')).toBe(true);
    expect(isCidr('172.16.0.0')).toBe(false);
    expect(isCidr('300.16.0.0/12')).toBe(false);
    expect(isCidr('10.0.0.0/33')).toBe(false);
    expect(cidr('10.0.0.1', 'Public network CIDR')).toContain('CIDR format');
    expect(ipList('10.0.0.1, 10.0.0.2', 'DNS')).toBe('');
    expect(ipList('10.0.0.1, nope', 'DNS')).toBe('DNS: nope is not a valid IP address');
    expect(ipList('', 'DNS', true)).toBe('DNS cannot be empty');
    expect(ipRange('10.2.0.10-10.2.0.99')).toBe('');
    expect(ipRange('10.2.0.0/24')).toBe('');
    expect(ipRange('10.2.0.10-')).toBe('IP range must be a CIDR or a-b range');
  });

  it('registries: IP, FQDN with a port, CIDR or a wildcard domain', () => {
    for (const ok of ['10.0.0.5', 'registry.example.com:5000', '10.0.0.0/8', '*.example.com'])
      expect(registry(ok)).toBe('');
    expect(registry('')).toBe('Whitelist registry cannot be empty');
    expect(registry('not a host')).toBe('IP address, FQDN, CIDR, or Wildcard domain is not valid');
  });

  it('PEM files, with CRLF and PKCS#1 keys', () => {
    expect(pem('-----BEGIN CERTIFICATE-----\r\nMIIB\r\n-----END CERTIFICATE-----\r\n', 'CERTIFICATE')).toBe(true);
    expect(pem('-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----', 'PRIVATE KEY')).toBe(true);
    expect(pem('-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----', 'PRIVATE KEY')).toBe(true);
    expect(pem('hello', 'CERTIFICATE')).toBe(false);
  });
});

describe('the compute resource as the administrator names it', () => {
  it('is its path below the host folder', () => {
    expect(adminName({ path: '/DC0/host/DC0_C0', name: 'DC0_C0' })).toBe('DC0_C0');
    expect(adminName({ path: '/DC0/host/DC0_C0/Resources/web', name: 'web' })).toBe('DC0_C0/Resources/web');
    expect(adminName({ path: '', name: 'DC0_H0' })).toBe('DC0_H0');
  });
});
