import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { repoRoot, requireBuiltServer, serverScript } from './lsp-client.js';

const scratch = mkdtempSync(join(tmpdir(), 'pra-nvim-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Attaches to the server with `vim.lsp.start_client` (Neovim 0.7+) and prints what it received. */
const script = (server: string, root: string) => `
local received = nil
local client = vim.lsp.start_client({
  name = 'pra',
  cmd = { ${JSON.stringify(process.execPath)}, ${JSON.stringify(server)}, '--stdio' },
  root_dir = ${JSON.stringify(root)},
  handlers = {
    ['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
      vim.lsp.handlers['textDocument/publishDiagnostics'](err, result, ctx, config)
      if result and #result.diagnostics > 0 then received = result end
    end,
  },
})
if not client then
  io.stdout:write('ERROR could not start the server\\n')
  vim.cmd('qall!')
end
vim.lsp.buf_attach_client(0, client)
vim.wait(30000, function() return received ~= nil end, 50)
if received == nil then
  io.stdout:write('ERROR no diagnostics received\\n')
else
  for _, d in ipairs(received.diagnostics) do
    io.stdout:write(string.format('DIAG %d %s %s\\n', d.range.start.line + 1, tostring(d.code), d.message))
  end
  io.stdout:write(string.format('STORED %d\\n', #vim.diagnostic.get(0)))
end
vim.lsp.stop_client(client, true)
vim.cmd('qall!')
`;

function runNeovim(file: string, timeoutMs: number): Promise<{ stdout: string; stderr: string; code: number | null }> {
    const lua = join(scratch, 'check.lua');
    writeFileSync(lua, script(serverScript, join(repoRoot, 'examples/clinique-vet')));
    return new Promise((resolve, reject) => {
        const child = spawn('nvim', ['--headless', '--clean', '-c', `luafile ${lua}`, file],
            { cwd: repoRoot, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', chunk => { stdout += chunk; });
        child.stderr.on('data', chunk => { stderr += chunk; });
        // Kill Neovim and the server it started (its process group) if it hangs.
        const timer = setTimeout(() => { try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* already gone */ } }, timeoutMs);
        child.on('error', error => { clearTimeout(timer); reject(error); });
        child.on('exit', code => { clearTimeout(timer); resolve({ stdout, stderr, code }); });
    });
}

test('headless Neovim attaches to the server and prints the diagnostics of an example', async () => {
    requireBuiltServer();
    const version = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (version.error || version.status !== 0) {
        throw new Error('Neovim (nvim 0.7+) is not installed: run scripts/install-system-deps.sh (Debian package neovim).');
    }
    const { stdout, stderr, code } = await runNeovim(join(repoRoot, 'examples/clinique-vet/plan.pra'), 60_000);
    console.log(stdout);
    expect(stdout, stderr).not.toContain('ERROR');
    const lines = stdout.split('\n').filter(line => line.startsWith('DIAG '));
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.some(line => /^DIAG \d+ unmitigated-risk Meadow-Flood scores 9 \(unacceptable\)/.test(line))).toBe(true);
    expect(lines.some(line => / no-deputy Practice-Manager /.test(line))).toBe(true);
    expect(stdout).toMatch(new RegExp(`STORED ${lines.length}`));
    expect(code).toBe(0);
}, 90_000);
