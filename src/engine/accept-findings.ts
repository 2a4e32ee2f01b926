// Findings the plan accepts (plan.yaml `assumptions.accepted`: a kind, a plan path, a reason) become notes: `info`
// with the plan's reason, so the reader sees the number and why the plan keeps it. The path is a plan path
// (`channels.douyin.funnel.cvr`, ids for list items) that names the finding's subject place.
import type { Finding } from '../model/findings.ts';
import type { PlanInput } from '../model/plan-input.generated.ts';
import { resolvePlanPath } from '../model/plan-path.ts';

export function acceptFindings(findings: readonly Finding[], input: PlanInput): Finding[] {
  const accepted = (input.plan.assumptions?.accepted ?? []).flatMap((a) => {
    const resolved = resolvePlanPath(input as unknown as Record<string, unknown>, a.path);
    return resolved ? [{ kind: a.finding, place: JSON.stringify(resolved.segments), reason: a.reason }] : [];
  });
  if (accepted.length === 0) return [...findings];
  return findings.map((f) => {
    const place = JSON.stringify([f.subject.file, ...f.subject.path]);
    const a = accepted.find((x) => x.kind === f.kind && x.place === place);
    return a ? { ...f, severity: 'info', accepted: { reason: a.reason } } : f;
  });
}
