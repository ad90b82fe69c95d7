import { describe, expect, it } from 'vitest';

import { ApiError } from '../../api/api-error';
import { PerComputeList } from './per-compute-list';

describe('a picker list that follows the compute resource', () => {
  const recorder = () => {
    const calls: string[] = [];
    const list = new PerComputeList<string>(async (dc, compute) => {
      calls.push(`${dc}/${compute}`);
      if (compute === 'broken') throw new ApiError(502, 'the target cannot be reached', []);
      return [`${compute}-a`, `${compute}-b`];
    });
    return { calls, list };
  };

  it('loads once per compute resource and says when the choice changed', async () => {
    const { calls, list } = recorder();
    let changed = 0;
    const onChange = () => changed++;
    await list.load({ datacenter: 'dc', resourceId: '' }, onChange);
    expect(calls).toEqual([]);
    expect(list.loading()).toBe(false);

    await list.load({ datacenter: 'dc', resourceId: 'c1' }, onChange);
    await list.load({ datacenter: 'dc', resourceId: 'c1' }, onChange);
    expect(calls).toEqual(['dc/c1']);
    expect(list.items()).toEqual(['c1-a', 'c1-b']);
    expect(changed).toBe(0); // the first list drops nothing

    await list.load({ datacenter: 'dc', resourceId: 'c2' }, onChange);
    expect(calls).toEqual(['dc/c1', 'dc/c2']);
    expect(changed).toBe(1);
  });

  it('keeps the error for the step to show, and tries again next time', async () => {
    const { calls, list } = recorder();
    await list.load({ datacenter: 'dc', resourceId: 'broken' }, () => undefined);
    expect(list.error()).toBe('the target cannot be reached');
    expect(list.loading()).toBe(false);
    await list.load({ datacenter: 'dc', resourceId: 'broken' }, () => undefined);
    expect(calls.length).toBe(2);
  });
});
