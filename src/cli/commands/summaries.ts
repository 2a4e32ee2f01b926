// What each command does, in one line: `shopplan --help` lists them without loading the commands (build and
// dev load Astro, pdf a browser driver, export a workbook library — seconds of module loading for a list).
export const SUMMARIES = {
  build: 'check a plan and build its static site, plan.json and PDFs',
  codeowners: 'write .github/CODEOWNERS so each plan file is reviewed by the team that owns it',
  compute: 'compute a plan: each target against its projection, the P&L, what it would take (--json: every figure)',
  dev: 'serve the plan site locally and reload it when a plan file changes',
  diff: 'show what changed between two plan versions and what it does to the numbers',
  export: 'write the computed plan as an Excel workbook (targets, P&L, funnels, SKUs, marketing, payroll, KPIs)',
  import: 'fill SKUs, channels, marketing channels or roles from an Excel sheet or CSV',
  new: 'create a plan repository from a seed, then validate and build it',
  pdf: 'print the full plan and the board summary as PDFs (needs Chromium)',
  validate: 'check a plan folder and report every problem with file, line and column',
} as const satisfies Record<string, string>;
