/** A mistake of the user's (bad usage, bad config, unreadable path): one line to stderr and exit code 2. */
export class UserError extends Error {
  readonly exitCode: number;
  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.exitCode = exitCode;
  }
}
