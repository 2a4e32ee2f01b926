// The import graph of src/ has no cycle, between files or between folders, and every import between folders
// goes down the layer order that eslint.config.js enforces (and docs/architecture.md draws).
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { readdirSync, readFileSync } from 'node:fs';
import { LAYERS } from '../../scripts/layers.ts';
import { cycles, folderEdges, importGraph } from './import-graph.ts';

const ROOT = join(import.meta.dirname, '../..');
const graph = importGraph(ROOT);
const order = LAYERS.map((l) => l.folder);

describe('import graph of src/', () => {
  it('finds cycles: the checker itself', () => {
    const edges = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['d']],
      ['e', ['f']],
      ['f', []],
    ]);
    expect(cycles(edges)).toEqual([['a', 'b', 'c'], ['d']]);
  });

  it('resolves every relative import (a file that does not exist would hide an edge)', () => {
    expect(graph.files.length).toBeGreaterThan(100);
    expect(graph.unresolved).toEqual([]);
  });

  it('has no import cycle between files', () => {
    expect(cycles(graph.edges)).toEqual([]);
  });

  it('has no import cycle between folders', () => {
    expect(cycles(folderEdges(graph))).toEqual([]);
  });

  it('gives every folder of src/ a place in the layer order', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    expect(folders.filter((f) => !order.includes(f))).toEqual([]);
  });

  it('imports only down the layer order, and the engine only from model/', () => {
    const backward: string[] = [];
    for (const [from, tos] of folderEdges(graph)) {
      const layer = LAYERS.find((l) => l.folder === from)!;
      for (const to of tos) {
        const allowed = layer.only ? layer.only.includes(to) : order.indexOf(to) < order.indexOf(from);
        if (!allowed) backward.push(`${from} → ${to}`);
      }
    }
    expect(backward).toEqual([]);
  });

  it('is described in docs/architecture.md, one row per layer in the same order', () => {
    const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
    const rows = [...doc.matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(rows).toEqual(order);
  });
});
