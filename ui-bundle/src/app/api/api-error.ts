import { Issue } from './models';

// What the appliance answered when it refused: its message (and, for a VCH
// body, the problem of each field), or why it could not be reached.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }

  get unreachable(): boolean {
    return this.status === 0 || this.status === 502 || this.status === 503 || this.status === 504;
  }

  static async from(response: Response): Promise<ApiError> {
    const text = await response.text();
    try {
      const body = JSON.parse(text);
      return new ApiError(response.status, body.message ?? `HTTP ${response.status}`, body.issues ?? []);
    } catch {
      return new ApiError(response.status, text || `HTTP ${response.status}`);
    }
  }
}
