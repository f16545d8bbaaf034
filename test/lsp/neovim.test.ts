/**
 * The server in a real editor: Neovim, headless, with its built-in LSP client (0.7: vim.lsp.start_client and
 * vim.lsp.buf_attach_client). It opens a broken postmortem, reads the diagnostics back through Neovim's API, applies
 * the "disable" quick fix and checks the buffer. .ci/run installs Neovim (Debian package neovim); outside CI the test
 * is skipped when nvim is missing, in CI it must run.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { BIN, edit, tempDir, VALID } from '../helpers.js';

const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const haveNvim = nvim.status === 0;

const SCRIPT = String.raw`
local result = {}
local function finish()
  local f = assert(io.open(os.getenv('PM_OUT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end
local function codes(buf)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do table.insert(out, d.code or d.user_data.lsp.code) end
  table.sort(out)
  return out
end
local ok, err = pcall(function()
  vim.cmd('edit ' .. vim.fn.fnameescape(os.getenv('PM_FILE')))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'postmortem',
    cmd = { os.getenv('PM_NODE'), os.getenv('PM_BIN'), 'lsp', '--stdio' },
    root_dir = os.getenv('PM_ROOT'),
  })
  assert(client_id, 'vim.lsp.start_client failed')
  assert(vim.lsp.buf_attach_client(buf, client_id), 'vim.lsp.buf_attach_client failed')
  assert(vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'no diagnostics within 20 s')
  result.diagnostics = {}
  local target
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    local code = d.code or d.user_data.lsp.code
    table.insert(result.diagnostics, { lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, message = d.message, code = code, source = d.source })
    if code == 'blameless-language' and not target then target = d end
  end
  assert(target, 'no blameless-language diagnostic')
  local client = vim.lsp.get_client_by_id(client_id)
  result.server = client.server_capabilities and client.server_capabilities.codeActionProvider ~= nil
  local lsp_diagnostic = {
    range = { start = { line = target.lnum, character = 0 }, ['end'] = { line = target.end_lnum, character = 0 } },
    message = target.message, code = target.code or target.user_data.lsp.code, source = target.source, severity = target.severity,
  }
  local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, range = lsp_diagnostic.range, context = { diagnostics = { lsp_diagnostic } } }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000)
  result.actions = {}
  local action
  for _, response in pairs(responses or {}) do
    for _, a in ipairs(response.result or {}) do
      table.insert(result.actions, a.title)
      if a.title == 'Disable blameless-language for this line' then action = a end
    end
  end
  assert(action, 'no disable action')
  vim.lsp.util.apply_workspace_edit(action.edit, 'utf-16')
  result.lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  -- The edit is sent to the server as a change; its diagnostics come back without the silenced one.
  result.settled = vim.wait(10000, function()
    return not vim.tbl_contains(codes(buf), 'blameless-language') and #codes(buf) > 0
  end, 20)
  result.after = codes(buf)
  -- Then the preferred fix of the other diagnostic (the one lint --fix makes).
  local choice = vim.diagnostic.get(buf)[1]
  local fix_params = { textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = choice.lnum, character = 0 }, ['end'] = { line = choice.end_lnum, character = 0 } },
    context = { diagnostics = { { range = { start = { line = choice.lnum, character = 0 }, ['end'] = { line = choice.end_lnum, character = 0 } },
      message = choice.message, code = choice.code or choice.user_data.lsp.code, source = choice.source, severity = choice.severity } } } }
  local preferred
  for _, response in pairs(vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', fix_params, 10000) or {}) do
    for _, a in ipairs(response.result or {}) do
      if a.isPreferred then preferred = a end
    end
  end
  assert(preferred, 'no preferred fix')
  result.fix = preferred.title
  vim.lsp.util.apply_workspace_edit(preferred.edit, 'utf-16')
  result.fixed_line = vim.api.nvim_buf_get_lines(buf, choice.lnum, choice.lnum + 1, false)[1]
  result.clean = vim.wait(10000, function() return #vim.diagnostic.get(buf) == 0 end, 20)
end)
if not ok then result.error = tostring(err) end
finish()
`;

test.skipIf(!haveNvim && !process.env.CI)('Neovim: diagnostics through its API, UTF-16 ranges as byte columns, quick fixes applied to the buffer', () => {
  expect(haveNvim, 'nvim is required in CI (.ci/run installs the Debian package neovim)').toBe(true);
  const text = edit(VALID, 'SEV-1', 'sev2').replace('## Timeline', '🚨 服务中断 because of human error.\n\n## Timeline');
  const dir = tempDir({ 'postmortems/broken.md': text, 'test.lua': SCRIPT });
  const out = join(dir, 'out.json');
  const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(dir, 'test.lua')}`], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, PM_OUT: out, PM_FILE: join(dir, 'postmortems', 'broken.md'), PM_BIN: BIN, PM_NODE: process.execPath, PM_ROOT: dir },
  });
  const result = JSON.parse(readFileSync(out, 'utf8')) as {
    error?: string;
    diagnostics: Array<{ lnum: number; col: number; end_lnum: number; end_col: number; severity: number; message: string; code: string; source: string }>;
    actions: string[];
    lines: string[];
    settled: boolean;
    after: string[];
    fix: string;
    fixed_line: string;
    clean: boolean;
  };
  expect(result.error, `${r.stderr}`).toBeUndefined();
  expect(result.diagnostics.map((d) => d.code).sort()).toEqual(['blameless-language', 'frontmatter-choice']);
  expect(result.diagnostics.every((d) => d.source === 'postmortem')).toBe(true);
  const choice = result.diagnostics.find((d) => d.code === 'frontmatter-choice')!;
  expect(choice.severity).toBe(1); // vim.diagnostic.severity.ERROR
  expect(choice.message).toContain('found "sev2"');
  // Neovim turns the server's UTF-16 range into byte columns: it must still cover the words, after emoji and CJK.
  const blame = result.diagnostics.find((d) => d.code === 'blameless-language')!;
  const line = Buffer.from(text.split('\n')[blame.lnum]!, 'utf8');
  expect(line.subarray(blame.col, blame.end_col).toString('utf8')).toBe('human error');
  expect(result.actions).toContain('Disable blameless-language for this line');
  expect(result.lines[blame.lnum]).toBe('<!-- postmortem-disable-next-line blameless-language -->');
  expect(result.lines[blame.lnum + 1]).toBe('🚨 服务中断 because of human error.');
  expect(result.settled).toBe(true);
  expect(result.after).toEqual(['frontmatter-choice']);
  expect(result.fix).toBe('Write "SEV-2"');
  expect(result.fixed_line).toBe('severity: SEV-2');
  expect(result.clean).toBe(true);
}, 90_000);
