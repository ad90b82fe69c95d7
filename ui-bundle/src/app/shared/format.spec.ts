import { describe, expect, it } from 'vitest';

import { Issue } from '../api/models';
import { capitalized, count } from './format';
import { messageFor } from './issues';

describe('counts and sentences', () => {
  it('says one thing in the singular', () => {
    expect(count(1, 'appliance')).toBe('1 appliance');
    expect(count(2, 'appliance')).toBe('2 appliances');
    expect(count(0, 'Virtual Container Host')).toBe('0 Virtual Container Hosts');
    expect(count(1, 'Virtual Container Host')).toBe('1 Virtual Container Host');
  });

  it('keeps names whose capital comes second', () => {
    expect(capitalized('vCenter refused the login')).toBe('vCenter refused the login');
    expect(capitalized('the datastore was not found')).toBe('The datastore was not found');
    const issues: Issue[] = [{ path: 'endpoint.operations_credentials', message: 'vSphere refused it' }];
    expect(messageFor(issues, 'endpoint.operations_credentials', 'The user')).toBe('vSphere refused it');
  });
});
