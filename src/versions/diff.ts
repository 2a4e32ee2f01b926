// The diff of two checked plans: what changed in the inputs, and what that does to the outputs.
// Plain data (JSON-safe), so the CLI prints it, the site renders it, and the build caches it.
import type { PlanCheck } from '../pipeline/check-plan.ts';
import { diffInputs, type InputChange } from './diff-inputs.ts';
import { diffOutputs, type OutputsDiff } from './diff-outputs.ts';
import { invariant } from '../model/invariant.ts';

export interface DiffSide {
  /** As given: a tag, ref or folder. */
  label: string;
  kind: 'ref' | 'folder';
  /** The commit of a ref. */
  commit?: string;
  /** The plan folder (within the repository for a ref). */
  plan: string;
  /** The schemaVersion the plan was written for when it had to be migrated. */
  migratedFrom?: number;
}

export interface PlanDiff {
  from: DiffSide;
  to: DiffSide;
  summary: {
    inputChanges: number;
    added: number;
    removed: number;
    changed: number;
    /** Files with changes, in plan order. */
    files: string[];
  };
  inputs: InputChange[];
  outputs: OutputsDiff;
}

export function diffPlans(from: { side: DiffSide; check: PlanCheck }, to: { side: DiffSide; check: PlanCheck }): PlanDiff {
  invariant(from.check.result && to.check.result, 'diffPlans needs two plans that validated and computed');
  const inputs = diffInputs(from.check, to.check);
  const count = (kind: InputChange['kind']) => inputs.filter((c) => c.kind === kind).length;
  return {
    from: from.side,
    to: to.side,
    summary: { inputChanges: inputs.length, added: count('added'), removed: count('removed'), changed: count('changed'), files: [...new Set(inputs.map((c) => c.file))] },
    inputs,
    outputs: diffOutputs(from.check.result, to.check.result),
  };
}
