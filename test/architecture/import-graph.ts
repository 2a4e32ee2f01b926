// The import graph of src/: every file and the project files it imports (static, type-only, re-exports and
// dynamic imports), read with TypeScript's own import scanner. Astro components count with their frontmatter
// and client scripts.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

export interface ImportGraph {
  /** Files relative to the root, with `/` separators. */
  files: string[];
  /** file → the project files it imports. */
  edges: Map<string, string[]>;
  /** Relative imports that name no file (a typo would otherwise hide an edge). */
  unresolved: Array<{ file: string; specifier: string }>;
}

const SOURCE = /\.(ts|mts|js|mjs|astro)$/;

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return listFiles(path);
    return SOURCE.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The parts of a file that hold imports: all of a script, the frontmatter and `<script>` blocks of an Astro component. */
function importingCode(path: string, text: string): string {
  if (!path.endsWith('.astro')) return text;
  const frontmatter = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const scripts = [...text.matchAll(/<script(?![^>]*is:inline)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  return [frontmatter, ...scripts].join('\n');
}

export function importGraph(root: string, folder = 'src'): ImportGraph {
  const absolute = listFiles(resolve(root, folder));
  const name = (path: string) => relative(root, path).split(sep).join('/');
  const files = absolute.map(name);
  const known = new Set(files);
  const edges = new Map<string, string[]>();
  const unresolved: ImportGraph['unresolved'] = [];
  for (const path of absolute) {
    const code = importingCode(path, readFileSync(path, 'utf8'));
    const specifiers = ts.preProcessFile(code, true, true).importedFiles.map((f) => f.fileName);
    const targets: string[] = [];
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      const target = name(resolve(dirname(path), specifier));
      if (known.has(target)) targets.push(target);
      else if (!existsSync(resolve(dirname(path), specifier))) unresolved.push({ file: name(path), specifier });
    }
    edges.set(name(path), [...new Set(targets)]);
  }
  return { files, edges, unresolved };
}

/** Strongly connected components with more than one member, or a member importing itself: the import cycles. */
export function cycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(component.sort());
    }
  };
  for (const v of edges.keys()) if (!index.has(v)) visit(v);
  return out;
}

/** `src/engine/compute.ts` → `engine`; files directly in src/ have no folder. */
export function folderOf(file: string): string | undefined {
  const parts = file.split('/');
  return parts.length > 2 ? parts[1] : undefined;
}

/** The graph between folders of src/: folder → the other folders it imports from. */
export function folderEdges(graph: ImportGraph): Map<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [file, targets] of graph.edges) {
    const from = folderOf(file);
    if (!from) continue;
    const set = out.get(from) ?? new Set<string>();
    for (const t of targets) {
      const to = folderOf(t);
      if (to && to !== from) set.add(to);
    }
    out.set(from, set);
  }
  return new Map([...out].map(([k, v]) => [k, [...v].sort()]));
}
