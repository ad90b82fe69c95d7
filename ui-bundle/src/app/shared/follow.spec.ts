import { lastValueFrom, toArray } from 'rxjs';
import { describe, expect, it } from 'vitest';

import { follow } from './follow';

describe('following something until it is done', () => {
  it('reads until done, going on past a failed reading, and ends with the last value', async () => {
    const answers: Array<() => Promise<string>> = [
      () => Promise.resolve('queued'),
      () => Promise.reject(new Error('appliance busy')),
      () => Promise.resolve('running'),
      () => Promise.resolve('succeeded'),
      () => Promise.resolve('never read'),
    ];
    let reads = 0;
    const readings = await lastValueFrom(
      follow(() => answers[reads++](), 1, (state) => state === 'succeeded').pipe(toArray()),
    );
    expect(readings.map((r) => r.value ?? (r.error as Error).message)).toEqual([
      'queued',
      'appliance busy',
      'running',
      'succeeded',
    ]);
    expect(reads).toBe(4);
  });

  it('never starts a reading while one is still out', async () => {
    let out = 0;
    let most = 0;
    let reads = 0;
    const slow = async () => {
      out++;
      most = Math.max(most, out);
      await new Promise((r) => setTimeout(r, 20));
      out--;
      return ++reads;
    };
    await lastValueFrom(follow(slow, 1, (n) => n >= 3).pipe(toArray()));
    expect(most).toBe(1);
  });
});
