import { describe, expect, it, vi } from 'vitest';

import { ApiError } from './api-error';
import { mayResend, sendWithFailover } from './failover';

const ok = () => new Response('{}', { status: 200 });
const gone = () => Promise.reject(new TypeError('Failed to fetch'));
const badGateway = () => new Response(JSON.stringify({ message: 'upstream down' }), { status: 502 });
const refused = () => new Response(JSON.stringify({ message: 'name taken' }), { status: 409 });

describe('sending to the next appliance', () => {
  it('sends a read again once, to the next appliance', async () => {
    const attempt = vi.fn().mockImplementationOnce(gone).mockImplementationOnce(async () => ok());
    const next = vi.fn();
    await expect(sendWithFailover('GET', attempt, next)).resolves.toBeInstanceOf(Response);
    expect(attempt).toHaveBeenCalledTimes(2);
    expect(next).toHaveBeenCalledTimes(1);
  });

  it('never sends a POST twice, and says its outcome is not known', async () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
      for (const failure of [gone, async () => badGateway()]) {
        const attempt = vi.fn().mockImplementation(failure);
        const next = vi.fn();
        const sent = sendWithFailover(method, attempt, next);
        await expect(sent).rejects.toBeInstanceOf(ApiError);
        await expect(sent).rejects.toThrow(/not known/);
        expect(attempt).toHaveBeenCalledTimes(1);
        // The next call goes to another appliance all the same.
        expect(next).toHaveBeenCalledTimes(1);
      }
    }
    expect(mayResend('POST')).toBe(false);
    expect(mayResend('GET')).toBe(true);
  });

  it('passes a refusal on as it is, without switching', async () => {
    const attempt = vi.fn().mockImplementation(async () => refused());
    const next = vi.fn();
    await expect(sendWithFailover('POST', attempt, next)).rejects.toThrow('name taken');
    expect(next).not.toHaveBeenCalled();
  });

  it('gives up after the second appliance', async () => {
    const attempt = vi.fn().mockImplementation(gone);
    await expect(sendWithFailover('GET', attempt, () => undefined)).rejects.toThrow(/cannot be reached/);
    expect(attempt).toHaveBeenCalledTimes(2);
  });
});
