// Plans in git: the repository of a folder, its version tags, and a plan folder's files at any commit,
// read straight from the object database (`git ls-tree` + `git cat-file --batch`), so no checkout is
// needed. Every call runs `git` with an argument list (never a shell); failures become typed errors.
import { spawn } from 'node:child_process';
import { realpath } from 'node:fs/promises';
import { posix, relative, resolve, sep } from 'node:path';
import type { RawFile } from '../load/load-plan.ts';
import { closest } from '../model/closest.ts';
import { GitFailedError, PlanPathMissingError, UnknownRefError } from './errors.ts';

export interface PlanRepo {
  /** Absolute path of the work tree's top folder. */
  root: string;
  /** The plan folder relative to `root`, with `/` separators; '' when the plan is the top folder. */
  planPath: string;
}

export interface TagInfo {
  tag: string;
  /** The commit the tag points at (peeled). */
  commit: string;
  /** Tagger date of an annotated tag, else the commit date (ISO 8601 with offset). */
  date: string;
  /** The tag message (annotated tag) or the commit message (lightweight tag). */
  message: string;
}

/** What the versions code needs from git; `gitReader()` is the real one, tests may pass their own. */
export interface GitReader {
  /** The repository holding `dir` (which need not exist yet), or null when there is none. */
  locate(dir: string): Promise<PlanRepo | null>;
  /** Tags matching `pattern` (fnmatch, e.g. `v*`), oldest version first (version order of the names). */
  tags(repo: PlanRepo, pattern: string): Promise<TagInfo[]>;
  /** The commit a ref names; UnknownRefError when none. */
  resolve(repo: PlanRepo, ref: string): Promise<string>;
  /** The plan folder's files at a commit, as `readPlanFolder` would read them from a checkout. */
  planFiles(repo: PlanRepo, commit: string, label: string): Promise<RawFile[]>;
}

interface GitRun {
  code: number;
  stdout: Buffer;
  stderr: string;
}

function run(args: readonly string[], cwd: string, input?: string): Promise<GitRun> {
  return new Promise((done, fail) => {
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (error: NodeJS.ErrnoException) =>
      fail(new GitFailedError(args, error.code === 'ENOENT' ? 'git is not installed (or not on PATH). Install git to use plan versions.' : error.message)),
    );
    child.on('close', (code) => done({ code: code ?? 1, stdout: Buffer.concat(out), stderr: Buffer.concat(err).toString('utf8') }));
    child.stdin.on('error', () => {}); // git may exit before reading all input; its exit code says why
    child.stdin.end(input ?? '');
  });
}

async function git(args: readonly string[], cwd: string, input?: string): Promise<Buffer> {
  const r = await run(args, cwd, input);
  if (r.code !== 0) throw new GitFailedError(args, r.stderr);
  return r.stdout;
}

/** The nearest existing folder at or above `dir`, resolved through symlinks (git reports real paths). */
async function existingReal(dir: string): Promise<{ real: string; rest: string }> {
  let current = resolve(dir);
  const rest: string[] = [];
  for (;;) {
    try {
      return { real: await realpath(current), rest: rest.reverse().join('/') };
    } catch {
      const parent = resolve(current, '..');
      if (parent === current) return { real: current, rest: rest.reverse().join('/') };
      rest.push(current.slice(parent.length).replace(/^[\\/]/, ''));
      current = parent;
    }
  }
}

const FIELD = '\x1f';
const RECORD = '\x1e';

export function gitReader(): GitReader {
  const reader: GitReader = {
    async locate(dir) {
      const { real, rest } = await existingReal(dir);
      const r = await run(['rev-parse', '--show-toplevel'], real);
      if (r.code !== 0) {
        if (/not a git repository/i.test(r.stderr)) return null;
        throw new GitFailedError(['rev-parse', '--show-toplevel'], r.stderr);
      }
      const root = r.stdout.toString('utf8').trim();
      const inside = relative(await realpath(root), real).split(sep).join('/');
      const planPath = posix.normalize([inside, rest].filter(Boolean).join('/') || '.').replace(/^\.$/, '').replace(/\/$/, '');
      return { root, planPath };
    },

    async tags(repo, pattern) {
      const format = ['%(refname:strip=2)', '%(objecttype)', '%(objectname)', '%(*objectname)', '%(*objecttype)', '%(creatordate:iso-strict)', '%(contents:subject)', '%(contents:body)'].join('%1f') + '%1e';
      const out = (await git(['for-each-ref', '--sort=version:refname', `--format=${format}`, `refs/tags/${pattern}`], repo.root)).toString('utf8');
      const tags: TagInfo[] = [];
      for (const record of out.split(RECORD)) {
        const fields = record.replace(/^\n/, '').split(FIELD);
        if (fields.length < 8) continue;
        const [tag, type, object, peeled, peeledType, date, subject, body] = fields as [string, string, string, string, string, string, string, string];
        const commit = type === 'commit' ? object : peeledType === 'commit' ? peeled : '';
        if (!commit) continue; // a tag of a tree or blob is no plan version
        const message = [subject.trim(), body.replace(/-----BEGIN PGP SIGNATURE-----[\s\S]*$/, '').trim()].filter(Boolean).join('\n\n');
        tags.push({ tag, commit, date, message });
      }
      return tags;
    },

    async resolve(repo, ref) {
      if (!ref || ref.startsWith('-')) throw new UnknownRefError(ref, repo.root, undefined, []);
      const r = await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], repo.root);
      if (r.code === 0) return r.stdout.toString('utf8').trim();
      if (r.stderr.trim() && !/^fatal: (Needed a single revision|ambiguous argument)/m.test(r.stderr)) throw new GitFailedError(['rev-parse', ref], r.stderr);
      const names = (await git(['for-each-ref', '--format=%(refname:short)', 'refs/tags', 'refs/heads', 'refs/remotes'], repo.root)).toString('utf8').split('\n').filter(Boolean);
      const tags = (await reader.tags(repo, '*')).map((t) => t.tag);
      throw new UnknownRefError(ref, repo.root, closest(ref, names), tags);
    },

    async planFiles(repo, commit, label) {
      const prefix = repo.planPath ? `${repo.planPath}/` : '';
      const listing = (await git(['ls-tree', '-r', '-z', '--full-tree', commit, '--', ...(prefix ? [prefix] : [])], repo.root)).toString('utf8');
      const entries: Array<{ name: string; object: string }> = [];
      for (const line of listing.split('\0')) {
        const m = /^(\d+) (\w+) ([0-9a-f]+)\t(.*)$/s.exec(line);
        if (!m || m[2] !== 'blob' || m[1] === '120000') continue; // skip submodules and symlinks
        const name = m[4]!.slice(prefix.length);
        if (/^[^/]+\.ya?ml$/.test(name) || /^chapters\/[^/]+\.mdx$/.test(name) || /^actuals\/[^/]+\.csv$/.test(name)) entries.push({ name, object: m[3]! });
      }
      if (entries.length === 0 && prefix) {
        const exists = await run(['cat-file', '-e', `${commit}:${repo.planPath}`], repo.root);
        if (exists.code !== 0) throw new PlanPathMissingError(label, repo.planPath);
      }
      if (entries.length === 0) return [];
      const batch = await git(['cat-file', '--batch'], repo.root, entries.map((e) => `${e.object}\n`).join(''));
      const blobs = parseBatch(batch);
      return entries.map((e) => ({ name: e.name, bytes: blobs.get(e.object) ?? new Uint8Array() })).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    },
  };
  return reader;
}

/** `git cat-file --batch` output: `<object> <type> <size>\n<bytes>\n` per object. */
function parseBatch(out: Buffer): Map<string, Uint8Array> {
  const blobs = new Map<string, Uint8Array>();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(0x0a, at);
    if (eol < 0) break;
    const header = out.subarray(at, eol).toString('utf8').split(' ');
    at = eol + 1;
    if (header[1] === 'missing' || header.length < 3) continue;
    const size = Number(header[2]);
    blobs.set(header[0]!, new Uint8Array(out.subarray(at, at + size)));
    at += size + 1;
  }
  return blobs;
}
