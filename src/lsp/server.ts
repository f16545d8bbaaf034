/**
 * `postmortem lsp`: the linter in the editor, over the Language Server Protocol on stdio. Built into its own bundle
 * (dist/lsp.cjs) so that no other command loads vscode-languageserver.
 *
 * Each open document is checked exactly as `postmortem lint` checks it (same parser, rules, config and templates),
 * on open and, debounced, on change; config and templates are cached per directory and dropped when a watched file
 * changes. Every request handler is guarded: an exception is logged to the client and answered with an empty result.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type Diagnostic,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { setModuleImporter, type ModuleImporter } from '../config/importer.js';
import type { Postmortem } from '../document/model.js';
import { UserError } from '../errors.js';
import { decodeText, MAX_FILE_BYTES } from '../files.js';
import { lintDocument } from '../lint/engine.js';
import { failureMessage } from '../lint/run.js';
import type { LintMessage } from '../lint/rule.js';
import { readPostmortem } from '../project.js';
import type { Template } from '../template/template.js';
import { problemDiagnostic, SOURCE, splitLines, toDiagnostic } from './convert.js';
import { disableAction, FIX_ALL_KIND, fixAction, fixAllAction, type Linted } from './actions.js';
import { complete, frontMatterBlock, hover, symbols } from './features.js';
import { isInside, ProjectCache, type DocumentProject } from './projects.js';

export interface ServerOptions {
  importModule?: ModuleImporter;
  /** `--config`: use this config file (absolute) for every document instead of searching from each. */
  configPath?: string;
  /** Input and output (default: stdin and stdout). */
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream;
}

/** What the server knows about an open document after checking a version of it. */
interface Checked {
  version: number;
  lines: string[];
  /** Null when the document is not checked (outside the postmortems directory) or could not be read. */
  doc: Postmortem | null;
  template: Template | null;
  project: DocumentProject | null;
  messages: LintMessage[];
  /** Milliseconds the check took (parse and rules), for the bench. */
  elapsed: number;
  /** The "fix all" action of this version, once asked for (null: nothing to fix). */
  fixAll?: CodeAction | null;
}

/** Settings a client may pass in initializationOptions. */
interface Settings {
  /** Wait this long after the last change before checking (default 15 ms). */
  debounceMs: number;
}

const TEMPLATE_IN_FRONT_MATTER = /^(?:---|\+\+\+)[ \t]*\r?\n(?:(?!(?:---|\+\+\+)[ \t]*(?:\r?\n|$))[^\n]*\n)*?template[ \t]*[:=][ \t]*\S/;

export function startServer(options: ServerOptions = {}): Connection {
  if (options.importModule) setModuleImporter(options.importModule);
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(options.input ?? process.stdin),
    new StreamMessageWriter(options.output ?? process.stdout),
  );
  // Standard output is the protocol: anything printed goes to the client's log instead.
  const log = (message: string): void => connection.console.log(message);
  const logError = (message: string): void => connection.console.error(message);
  console.log = console.info = console.debug = (...args: unknown[]) => log(args.map(String).join(' '));
  console.warn = console.error = (...args: unknown[]) => logError(args.map(String).join(' '));
  process.on('uncaughtException', (error) => logError(`postmortem lsp: unexpected error (the server keeps running): ${error.stack ?? String(error)}`));
  process.on('unhandledRejection', (error) => logError(`postmortem lsp: unexpected error (the server keeps running): ${(error as Error)?.stack ?? String(error)}`));

  const documents = new TextDocuments(TextDocument);
  const checked = new Map<string, Checked>();
  const timers = new Map<string, NodeJS.Timeout>();
  const settings: Settings = { debounceMs: 15 };
  let roots: string[] = [];
  let clientWatches = false;

  const projects = new ProjectCache({
    roots: () => roots,
    onChange: () => {
      for (const d of documents.all()) schedule(d.uri, 0);
    },
    log,
    ...(options.configPath ? { configPath: options.configPath } : {}),
  });

  /** Run a handler; on an exception log it and answer `fallback`, so one bad request never stops the server. */
  function guard<P, R>(name: string, fallback: R, handler: (params: P) => R | Promise<R>): (params: P) => Promise<R> {
    return async (params: P) => {
      try {
        return await handler(params);
      } catch (error) {
        logError(`postmortem lsp: ${name} failed (the server keeps running): ${(error as Error)?.stack ?? String(error)}`);
        return fallback;
      }
    };
  }

  /** Read and lint a text as `lint` does: the template it names, else the config's; the config's rule settings. */
  function lintWith(project: DocumentProject, path: string, text: string): Linted & { template: Template } {
    const fallback = project.templates.get(project.config.template);
    const read = readPostmortem(text, path, project, fallback);
    const messages = lintDocument(read.doc, read.template, { rules: project.config.rules, ...(read.templateProblem ? { templateProblem: read.templateProblem } : {}) });
    return { doc: read.doc, template: read.template, messages };
  }

  function pathOf(uri: string): string | null {
    if (!uri.startsWith('file:')) return null;
    try {
      return fileURLToPath(uri);
    } catch {
      return null;
    }
  }

  /** Check one version of a document and publish its diagnostics (unless a newer version came meanwhile). */
  async function check(uri: string): Promise<void> {
    const document = documents.get(uri);
    if (!document) return;
    const version = document.version;
    const text = document.getText();
    const path = pathOf(uri);
    const dir = path ? dirname(path) : (roots[0] ?? process.cwd());
    const result = await projects.forDirectory(dir);
    const current = documents.get(uri);
    if (!current || current.version !== version) return; // a newer check is scheduled
    const started = performance.now();
    const lines = splitLines(text);
    const entry: Checked = { version, lines, doc: null, template: null, project: null, messages: [], elapsed: 0 };
    const diagnostics: Diagnostic[] = [];
    const namesTemplate = TEMPLATE_IN_FRONT_MATTER.test(text);
    if ('error' in result) {
      // A broken config stops `lint` (exit 2); here it is shown on the documents it would have checked.
      if (namesTemplate || (path && path.split(/[\\/]/).includes('postmortems'))) diagnostics.push(problemDiagnostic(result.error));
    } else {
      const project = result.project;
      const inScope = namesTemplate || (path !== null && isInside(path, project.postmortemsDir) && !/^readme\.md$/i.test(path.split(/[\\/]/).pop() ?? ''));
      if (inScope) {
        entry.project = project;
        try {
          if (text.includes('\0') || text.length * 3 > MAX_FILE_BYTES) decodeText(Buffer.from(text, 'utf8'));
          const read = lintWith(project, path ?? uri, text);
          entry.doc = read.doc;
          entry.template = read.template;
          entry.messages = read.messages;
          for (const m of entry.messages) diagnostics.push(toDiagnostic(m, lines));
        } catch (error) {
          // What makes `lint` exit 2 for this file, in its words: a binary file, a broken template, a bug of ours.
          const unreadable = error instanceof UserError && /^(?:binary|too large)/.test(error.message);
          if (!(error instanceof UserError)) logError(`postmortem lsp: checking ${uri} failed: ${(error as Error)?.stack ?? String(error)}`);
          diagnostics.push(problemDiagnostic(unreadable ? `cannot read: ${(error as Error).message}` : failureMessage(error)));
        }
      }
    }
    entry.elapsed = performance.now() - started;
    checked.set(uri, entry);
    await connection.sendDiagnostics({ uri, version, diagnostics });
  }

  function schedule(uri: string, delay: number): void {
    clearTimeout(timers.get(uri));
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        check(uri).catch((error) => {
          logError(`postmortem lsp: checking ${uri} failed (the server keeps running): ${(error as Error)?.stack ?? String(error)}`);
          void connection.sendDiagnostics({ uri, diagnostics: [problemDiagnostic(`postmortem could not check this document: ${(error as Error)?.message ?? String(error)}`)] });
        });
      }, delay),
    );
  }

  /** The check of the document's current version, running it now if the debounced one has not run yet. */
  async function current(uri: string): Promise<Checked | undefined> {
    const document = documents.get(uri);
    if (!document) return undefined;
    const have = checked.get(uri);
    if (have && have.version === document.version) return have;
    clearTimeout(timers.get(uri));
    timers.delete(uri);
    await check(uri);
    const now = checked.get(uri);
    return now && now.version === document.version ? now : undefined;
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    roots = (params.workspaceFolders ?? []).map((f) => pathOf(f.uri)).filter((p): p is string => p !== null);
    const rootUri = params.rootUri ? pathOf(params.rootUri) : null;
    if (rootUri && !roots.includes(rootUri)) roots.push(rootUri);
    const init = params.initializationOptions as Partial<Settings> | undefined;
    if (typeof init?.debounceMs === 'number' && init.debounceMs >= 0) settings.debounceMs = init.debounceMs;
    clientWatches = params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: [':', ' '] },
        hoverProvider: true,
        documentSymbolProvider: true,
        codeActionProvider: { codeActionKinds: ['quickfix', FIX_ALL_KIND] },
      },
      serverInfo: { name: 'postmortem' },
    };
  });

  connection.onInitialized(() => {
    if (clientWatches) {
      // The client watches too (VS Code): config files anywhere, and project template directories.
      void connection.client
        .register(DidChangeWatchedFilesNotification.type, {
          watchers: [{ globPattern: '**/{.postmortemrc,.postmortemrc.json,.postmortemrc.yaml,.postmortemrc.yml,postmortem.config.js,postmortem.config.mjs,package.json}' }, { globPattern: '**/.postmortem/templates/**' }],
        })
        .catch((error: unknown) => log(`cannot register file watchers: ${String(error)}`));
    }
  });

  connection.onDidChangeWatchedFiles(
    guard('workspace/didChangeWatchedFiles', undefined, (params) => {
      const changed = params.changes.map((c) => pathOf(c.uri)).find((p): p is string => p !== null && projects.isRelevant(p));
      if (changed) projects.changed(changed);
    }),
  );

  // Fired on open (check at once) and on every change (check when the typing pauses).
  const open = new Set<string>();
  documents.onDidChangeContent((e) => {
    const first = !open.has(e.document.uri);
    open.add(e.document.uri);
    schedule(e.document.uri, first ? 0 : settings.debounceMs);
  });
  documents.onDidClose((e) => {
    clearTimeout(timers.get(e.document.uri));
    timers.delete(e.document.uri);
    open.delete(e.document.uri);
    checked.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onCompletion(
    guard('textDocument/completion', [], async (params) => {
      // From the text as it is now, without waiting for (or forcing) the debounced check: completion comes as
      // the author types.
      const uri = params.textDocument.uri;
      const document = documents.get(uri);
      if (!document) return [];
      const text = document.getText();
      const path = pathOf(uri);
      const result = await projects.forDirectory(path ? dirname(path) : (roots[0] ?? process.cwd()));
      if ('error' in result) return [];
      const { project } = result;
      if (!TEMPLATE_IN_FRONT_MATTER.test(text) && !(path !== null && isInside(path, project.postmortemsDir))) return [];
      const lines = splitLines(text);
      const fm = frontMatterBlock(lines);
      const named = fm ? lines.slice(fm.open + 1, fm.close).map((l) => /^template[ \t]*[:=][ \t]*["']?([\w.-]+)/.exec(l)?.[1]).find(Boolean) : undefined;
      const template = named && project.templates.has(named) ? project.templates.get(named) : project.templates.get(project.config.template);
      return complete({ lines, position: params.position, template, templates: project.templates });
    }),
  );

  connection.onHover(
    guard('textDocument/hover', null, async (params) => {
      const { line } = params.position;
      const c = await current(params.textDocument.uri);
      if (!c?.doc || !c.template || line < 0) return null;
      return hover(c.doc, c.lines, params.position, c.template);
    }),
  );

  connection.onDocumentSymbol(
    guard('textDocument/documentSymbol', [], async (params) => {
      const c = await current(params.textDocument.uri);
      return c?.doc ? symbols(c.doc, c.lines) : [];
    }),
  );

  connection.onCodeAction(
    guard('textDocument/codeAction', [] as CodeAction[], async (params) => {
      const uri = params.textDocument.uri;
      const c = await current(uri);
      const document = documents.get(uri);
      if (!c?.doc || !c.project || !c.template || !document || document.version !== c.version) return [];
      const actions: CodeAction[] = [];
      const project = c.project;
      const path = pathOf(uri) ?? uri;
      const lint = (text: string): Linted => lintWith(project, path, text);
      const only = params.context.only;
      const wants = (kind: string): boolean => !only || only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
      for (const diagnostic of wants('quickfix') ? params.context.diagnostics : []) {
        if (diagnostic.source !== SOURCE || typeof diagnostic.code !== 'string') continue;
        const message = c.messages.find((m) => m.ruleId === diagnostic.code && m.line - 1 === diagnostic.range.start.line && m.message === diagnostic.message);
        if (!message) continue;
        const fix = fixAction(uri, document, message, diagnostic);
        if (fix) actions.push(fix);
        const disable = disableAction(uri, c, message, diagnostic, lint);
        if (disable) actions.push(disable);
      }
      if (wants(FIX_ALL_KIND)) {
        // Editors ask for code actions at every move of the cursor: the fixed text is computed once per version.
        if (c.fixAll === undefined) c.fixAll = fixAllAction(uri, document, lint, c.messages) ?? null;
        if (c.fixAll) actions.push(c.fixAll);
      }
      return actions;
    }),
  );

  /** For the bench: how long the last check of a document took, server side, and the memory in use (after a full GC when node runs with --expose-gc). */
  connection.onRequest(
    'postmortem/stats',
    guard('postmortem/stats', null, (params: { uri: string; gc?: boolean }) => {
      const c = checked.get(params.uri);
      if (params.gc) (globalThis as { gc?: () => void }).gc?.();
      const memory = process.memoryUsage();
      return { version: c?.version ?? null, elapsed: c?.elapsed ?? null, messages: c?.messages.length ?? null, heapUsed: memory.heapUsed, rss: memory.rss, open: checked.size, projectLoads: projects.loads, cacheDrops: projects.generation };
    }),
  );

  connection.onShutdown(() => {
    for (const t of timers.values()) clearTimeout(t);
    projects.dispose();
  });

  documents.listen(connection);
  connection.listen();
  return connection;
}

export type { Checked };
