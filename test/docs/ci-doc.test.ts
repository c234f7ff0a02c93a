/**
 * docs/ci.md (issue 14): the GitHub Actions workflow, the GitLab CI job and the commit hooks are
 * read from the page, their YAML parsed, and their commands run against example plans with the
 * `pra` built here (the steps that install pra are skipped: they clone and build this project).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const page = readFileSync(path.join(root, 'docs/ci.md'), 'utf8');

/** The fenced blocks of the page, by the file their first comment line names. */
function snippets(): Map<string, string> {
    const found = new Map<string, string>();
    for (const match of page.matchAll(/```(\w+)\n([\s\S]*?)```/g)) {
        const body = match[2];
        const name = /^(?:#!.*\n)?# ([^\s(]+)/.exec(body)?.[1];
        if (name) found.set(name, body);
    }
    return found;
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Yaml = Record<string, any>;

/** An example without errors (exit 0) and one with errors (exit 1). */
const runs = [['cabinet-martin', 0], ['atelier-bois', 1]] as const;

let scratch: string;
let binDir: string;

/** Runs a shell command as CI would, in `cwd`, with the `pra` built here first on the PATH. */
function sh(command: string, cwd: string): { status: number | null; stdout: string; stderr: string } {
    const env = { ...process.env, PATH: `${binDir}:${process.env.PATH}`, NO_COLOR: '' };
    const result = spawnSync('bash', ['-e', '-c', command], { cwd, encoding: 'utf8', env });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A repository holding a copy of an example's plan. */
function repository(example: string): string {
    const folder = mkdtempSync(path.join(scratch, `${example}-`));
    cpSync(path.join(root, 'examples', example), path.join(folder, 'plans'), { recursive: true });
    return folder;
}

beforeAll(() => {
    scratch = mkdtempSync(path.join(tmpdir(), 'pra-ci-doc-'));
    binDir = path.join(scratch, 'bin');
    mkdirSync(binDir);
    writeFileSync(path.join(binDir, 'pra'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'packages/cli/bin/pra.js')}" "$@"\n`);
    chmodSync(path.join(binDir, 'pra'), 0o755);
});

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('docs/ci.md', () => {
    it('has the GitHub workflow, the GitLab job, the Git hook and the pre-commit configuration', () => {
        expect([...snippets().keys()].sort())
            .toEqual(['.git/hooks/pre-commit', '.github/workflows/pra.yml', '.gitlab-ci.yml', '.pre-commit-config.yaml']);
    });
});

describe('the GitHub Actions workflow', () => {
    const workflow = (): Yaml => parse(snippets().get('.github/workflows/pra.yml')!) as Yaml;

    it('is a valid workflow that may upload to code scanning and uploads the SARIF the check writes, even when the check fails', () => {
        const parsed = workflow();
        expect(Object.keys(parsed.on)).toEqual(['push', 'pull_request']);
        expect(parsed.permissions['security-events']).toBe('write');
        const steps = parsed.jobs.check.steps as Yaml[];
        for (const step of steps) expect(Boolean(step.uses) !== Boolean(step.run), JSON.stringify(step)).toBe(true);
        const check = steps.find(s => s.id === 'check')!;
        const written = /> *(\S+)\s*$/.exec(check.run)![1];
        const upload = steps.find(s => String(s.uses).startsWith('github/codeql-action/upload-sarif@'))!;
        expect(upload.if).toBe('always()');
        expect(upload.with.sarif_file).toBe(written);
        expect(steps.indexOf(upload)).toBeGreaterThan(steps.indexOf(check));
    });

    it.each(runs)('its commands on examples/%s: exit %i and a SARIF document with results', (example, exit) => {
        const repo = repository(example);
        const steps = (workflow().jobs.check.steps as Yaml[]).filter(s => s.run && s.id !== 'install-pra');
        expect(steps.length).toBeGreaterThan(0);
        for (const step of steps) {
            const run = sh(step.run, repo);
            expect(run.status, `${step.run}\n${run.stderr}`).toBe(exit);
        }
        const sarif = JSON.parse(readFileSync(path.join(repo, 'pra.sarif'), 'utf8'));
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.runs[0].invocations[0].executionSuccessful).toBe(true);
        const uris = new Set(sarif.runs[0].results.map((r: Yaml) => r.locations[0].physicalLocation.artifactLocation.uri));
        expect([...uris].every(uri => String(uri).startsWith('plans/'))).toBe(true);
        if (exit === 1) expect(sarif.runs[0].results.some((r: Yaml) => r.level === 'error')).toBe(true);
    });
});

describe('the GitLab CI job', () => {
    const job = (): Yaml => (parse(snippets().get('.gitlab-ci.yml')!) as Yaml)['pra-check'];

    it('keeps the SARIF as an artifact even when the job fails', () => {
        const parsed = job();
        expect(parsed.artifacts.when).toBe('always');
        expect(parsed.artifacts.paths).toEqual(['pra.sarif']);
        expect(parsed.before_script.at(-1)).toMatch(/^export PATH=/);
    });

    it.each(runs)('its script on examples/%s: exit %i, the SARIF written either way', (example, exit) => {
        const repo = repository(example);
        // GitLab runs the lines in one shell and stops at the first that fails.
        const run = sh((job().script as string[]).join('\n'), repo);
        expect(run.status, run.stderr).toBe(exit);
        expect(JSON.parse(readFileSync(path.join(repo, 'pra.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(0);
        expect(run.stdout).toMatch(/fichiers? vérifiés? :/);
    });
});

describe('the commit hooks', () => {
    const git = (cwd: string, ...args: string[]) =>
        spawnSync('git', ['-c', 'user.name=T', '-c', 'user.email=t@example.invalid', ...args], { cwd, encoding: 'utf8' });

    it('the Git hook lets a clean plan through and stops a plan with errors', () => {
        const hook = snippets().get('.git/hooks/pre-commit')!;
        for (const [example, exit] of [['cabinet-martin', 0], ['atelier-bois', 1]] as const) {
            const repo = repository(example);
            git(repo, 'init', '-q');
            git(repo, 'add', '.');
            writeFileSync(path.join(repo, 'hook.sh'), hook);
            const run = sh('sh hook.sh', repo);
            expect(run.status, run.stderr).toBe(exit);
        }
        const empty = mkdtempSync(path.join(scratch, 'empty-'));
        git(empty, 'init', '-q');
        writeFileSync(path.join(empty, 'hook.sh'), hook);
        expect(sh('sh hook.sh', empty).status).toBe(0);
    });

    it('the pre-commit configuration: its entry on the files its pattern selects', () => {
        const [hook] = (parse(snippets().get('.pre-commit-config.yaml')!) as Yaml).repos[0].hooks as Yaml[];
        expect(hook.language).toBe('system');
        const pattern = new RegExp(hook.files);
        expect(pattern.test('plans/plan.pra')).toBe(true);
        expect(pattern.test('README.md')).toBe(false);
        const repo = repository('atelier-bois');
        expect(sh(`${hook.entry} plans/plan.pra`, repo).status).toBe(1);
        const clean = repository('cabinet-martin');
        expect(sh(`${hook.entry} plans/plan.pra plans/inventaire.pra`, clean).status).toBe(0);
    });
});
