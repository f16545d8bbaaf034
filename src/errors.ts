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

/** Plain words for the errno codes a file operation fails with; the one place they are worded. */
const FILE_PROBLEMS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EISDIR: 'is a directory',
  ENOTDIR: 'a parent of it is not a directory',
  ELOOP: 'symbolic link loop',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'the disk is full',
  EROFS: 'the file system is read-only',
  EDQUOT: 'the disk quota is exceeded',
  EFBIG: 'the file is larger than this system allows (disk full or file size limit)',
  EMFILE: 'too many open files',
  EBUSY: 'the file is in use',
};

/**
 * Why reading (or writing) a file failed, in plain words for "cannot read PATH: …": never a raw errno code
 * (ENOENT, EACCES, EISDIR). Missing: "no such file" when reading, "its directory does not exist" when writing.
 */
export function fileProblem(error: unknown, op: 'read' | 'write' = 'read'): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return op === 'write' ? 'its directory does not exist' : 'no such file';
  const known = FILE_PROBLEMS[e?.code ?? ''];
  if (known) return known;
  const message = String(e?.message ?? error).split('\n')[0]!;
  // Node's own wording, without the code and the call: "EXDEV: cross-device link not permitted, rename 'a' -> 'b'".
  const m = /^E[A-Z]+: ([^,]+)/.exec(message);
  return m ? m[1]! : message;
}
