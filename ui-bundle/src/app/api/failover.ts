import { ApiError } from './api-error';

// Only a read may be sent again to the next appliance when the chosen one
// does not answer. A POST, PUT, PATCH or DELETE may already have been carried
// out by the appliance that went silent: sending it again could create a
// second VCH or start a second delete.
export function mayResend(method: string): boolean {
  return method === 'GET' || method === 'HEAD';
}

// Sends once; when no appliance answered (or a gateway said so), switches to
// the next appliance and, for a read, sends once more there. For a write the
// error says that its outcome is unknown, so that nobody presses again blindly.
export async function sendWithFailover(
  method: string,
  attempt: () => Promise<Response>,
  switchAppliance: () => void,
): Promise<Response> {
  for (let tries = 0; ; tries++) {
    let error: ApiError;
    try {
      const response = await attempt();
      if (response.ok) return response;
      error = await ApiError.from(response);
      if (!error.unreachable) throw error;
    } catch (e) {
      if (e instanceof ApiError && !e.unreachable) throw e;
      error = e instanceof ApiError ? e : new ApiError(0, $localize`The VIC appliance cannot be reached: ${(e as Error).message}:reason:`);
    }
    switchAppliance();
    if (tries > 0) throw error;
    if (!mayResend(method))
      throw new ApiError(
        error.status,
        $localize`The VIC appliance stopped answering (${error.message}:reason:); whether it carried out the request is not known. Refresh the list before trying again.`,
      );
  }
}
