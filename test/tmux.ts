/** Drive a program in a real pseudo-terminal with tmux: type keys, read the screen. */
import { execFileSync, spawnSync } from 'node:child_process';

export class TmuxSession {
  private readonly socket = `pm-test-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  readonly name = 's';

  constructor(command: string, cwd: string, env: Record<string, string> = {}) {
    const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
    execFileSync('tmux', ['-L', this.socket, '-f', '/dev/null', 'new-session', '-d', '-s', this.name, '-x', '200', '-y', '50', '-c', cwd, ...envArgs, command]);
  }

  screen(): string {
    const r = spawnSync('tmux', ['-L', this.socket, 'capture-pane', '-p', '-J', '-S', '-200', '-t', this.name], { encoding: 'utf8' });
    return r.stdout ?? '';
  }

  /** Wait until the screen shows `text` (after `after` occurrences of it), or fail with the screen. */
  async waitFor(text: string | RegExp, timeoutMs = 15_000, count = 1): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const n = typeof text === 'string' ? screen.split(text).length - 1 : (screen.match(new RegExp(text.source, 'g')) ?? []).length;
      if (n >= count) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${String(text)} (x${count}); screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  type(text: string): void {
    if (text) execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', this.name, '-l', text]);
  }

  keys(...keys: string[]): void {
    execFileSync('tmux', ['-L', this.socket, 'send-keys', '-t', this.name, ...keys]);
  }

  /**
   * Paste text as a terminal does: all at once, line feeds sent as carriage returns. `bracketed` wraps it in
   * ESC [200~ … ESC [201~ when the program asked for bracketed paste (tmux paste-buffer -p).
   */
  paste(text: string, bracketed: boolean): void {
    execFileSync('tmux', ['-L', this.socket, 'load-buffer', '-b', 'p', '-'], { input: text });
    execFileSync('tmux', ['-L', this.socket, 'paste-buffer', '-b', 'p', '-d', ...(bracketed ? ['-p'] : []), '-t', this.name]);
  }

  /** Type an answer and press Enter. */
  answer(text: string): void {
    this.type(text);
    this.keys('Enter');
  }

  kill(): void {
    spawnSync('tmux', ['-L', this.socket, 'kill-server']);
  }
}
