/** A mistake of the user's (bad usage, bad config, unreadable path): one line to stderr and exit code 2. */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}

/**
 * Whether an error is a UserError, also one thrown by code in another bundle (dist/timeline.cjs, dist/editor.cjs),
 * whose UserError is a class of its own.
 */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (error instanceof Error && error.name === 'UserError' && typeof (error as UserError).exitCode === 'number');
}
