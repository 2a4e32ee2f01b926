import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { shopplan, ROOT } from '../helpers/cli.ts';
import { SUMMARIES } from '../../src/cli/commands/summaries.ts';
import { checkPlanFiles } from '../../src/pipeline/check-plan.ts';
import { formatMonth, formatValue } from '../../src/i18n/format.ts';
import { localText } from '../../src/i18n/text.ts';
import { folderFiles } from '../helpers/plan.ts';

const tmp = mkdtempSync(join(tmpdir(), 'shopplan-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A copy of the example plan with one line replaced, and the 1-based line that changed. */
function brokenCopy(name: string, file: string, find: RegExp, replace: (line: string) => string): { dir: string; line: number } {
  const dir = join(tmp, name);
  cpSync(join(ROOT, 'content'), dir, { recursive: true });
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  const index = lines.findIndex((l) => find.test(l));
  if (index < 0) throw new Error(`${find} not found in ${file}`);
  lines[index] = replace(lines[index]!);
  writeFileSync(join(dir, file), lines.join('\n'));
  return { dir, line: index + 1 };
}

describe('shopplan validate', () => {
  it('accepts the example plan: JSON ok true, exit 0', () => {
    const r = shopplan(['validate', 'content', '--format', 'json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(true);
    expect(json.diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
  });

  it.each([
    ['typo in a key', 'channels.yaml', /^\s+returnRate:/, (l: string) => l.replace('returnRate', 'returnRat'), 'schema-unknown-key'],
    ['wrong type', 'targets.yaml', /^\s+value: \d/, (l: string) => l.replace(/value: .*/, 'value: lots'), 'schema-type'],
    ['broken reference', 'products.yaml', /^\s+category: /, (l: string) => l.replace(/category: .*/, 'category: green-teas'), 'ref-unresolved'],
    ['invalid YAML', 'supply.yaml', /^\s+leadTimeDays:/, (l: string) => l.replace(/leadTimeDays: (.*)/, 'leadTimeDays: [$1'), 'yaml-syntax'],
  ])('reports a %s at the changed line, exit 1', (name, file, find, replace, code) => {
    const { dir, line } = brokenCopy(name.replace(/ /g, '-'), file, find, replace);
    const r = shopplan(['validate', dir, '--format', 'json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.ok).toBe(false);
    const hit = json.diagnostics.find((d: { code: string }) => d.code === code);
    expect(hit).toMatchObject({ file: `${dir}/${file}`, severity: 'error' });
    // A syntax error may surface on the line after an unclosed bracket; everything else is exact.
    expect(code === 'yaml-syntax' ? [line, line + 1] : [line]).toContain(hit.line);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints GitHub annotations with file, line and column', () => {
    const { dir, line } = brokenCopy('github', 'channels.yaml', /^\s+returnRate:/, (l) => l.replace('returnRate', 'returnRat'));
    const r = shopplan(['validate', dir, '--format', 'github']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^::error file=${dir.replace(/\//g, '\\/')}\\/channels\\.yaml,line=${line},col=\\d+,endColumn=\\d+,title=shopplan schema-unknown-key::Unknown key "returnRat"`, 'm'));
  });

  it('prints text with a code frame and a hint', () => {
    const { dir, line } = brokenCopy('text', 'channels.yaml', /^\s+returnRate:/, (l) => l.replace('returnRate', 'returnRat'));
    const r = shopplan(['validate', dir]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`${dir}/channels.yaml:${line}:`);
    expect(r.stdout).toMatch(new RegExp(`> ${line} \\|.*returnRat`));
    expect(r.stdout).toContain('Did you mean "returnRate"?');
    expect(r.stdout).toMatch(/→ Allowed keys here:/);
  });

  it('exits 2 on usage errors without a stack trace', () => {
    for (const args of [['validate', '--format', 'xml'], ['validate', '--bogus'], ['frobnicate'], ['validate', 'a', 'b'], []]) {
      const r = shopplan(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr + r.stdout).not.toMatch(/\n\s+at /);
    }
  }, 120_000);

  it('reports a missing plan folder as a diagnostic, exit 1', () => {
    const r = shopplan(['validate', join(tmp, 'nope'), '--format', 'json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).diagnostics[0].code).toBe('plan-dir-missing');
  });
});

describe('help and version', () => {
  it('--help lists every command with its summary', () => {
    const help = shopplan(['--help']);
    expect(help.code).toBe(0);
    for (const [name, summary] of Object.entries(SUMMARIES)) expect(help.stdout).toContain(`\n  ${name.padEnd(10)} ${summary}\n`);
  });

  it.each(['validate', 'compute', 'build', 'new'])('%s has --help and --version', (command) => {
    const help = shopplan([command, '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain(`Usage: shopplan ${command}`);
    const version = shopplan([command, '--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
  });
});

describe('shopplan compute', () => {
  it('prints the PlanResult as JSON, the same bytes every time, months summing exactly to the target', () => {
    const a = shopplan(['compute', 'content', '--json']);
    const b = shopplan(['compute', 'content', '--json']);
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const result = JSON.parse(a.stdout);
    const gmv = result.targets.gmv;
    const fen = (x: number) => Math.round(x * 100);
    expect(Object.values(gmv.monthly as Record<string, number>).reduce((s, v) => s + fen(v), 0)).toBe(fen(gmv.value));
  }, 120_000);

  it('switches scenario and refuses an unknown one with exit 2', () => {
    expect(shopplan(['compute', 'content', '--json', '--scenario', 'optimistic']).code).toBe(0);
    const bad = shopplan(['compute', 'content', '--json', '--scenario', 'dream']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Unknown scenario "dream"');
  });
});

describe('the language of findings', () => {
  // The example's stock-out: the gongfu tea set's opening stock runs out in February (supply.yaml), a note (info)
  // because plan.yaml accepts it with a reason.
  const stockOut = (stdout: string) => stdout.split('\n').find((l) => l.includes('[stock-out]'));

  it('writes findings at their line in English by default, in Chinese with --lang, SHOPPLAN_LANG or a Chinese LANG', () => {
    const en = stockOut(shopplan(['validate', 'content']).stdout);
    expect(en).toMatch(/^content\/supply\.yaml:\d+:\d+ {2}info {2}“Jingdezhen hand-painted blue-and-white gongfu tea set”: projected stock runs out in Feb 2027 \(up to 212 units short at a month’s end\); opening stock 600 units\./);
    const where = en!.split(' ')[0];
    for (const run of [
      shopplan(['validate', 'content', '--lang', 'zh-CN']),
      shopplan(['validate', 'content'], { env: { SHOPPLAN_LANG: 'zh' } }),
      shopplan(['validate', 'content'], { env: { LANG: 'zh_CN.UTF-8' } }),
    ]) {
      const zh = stockOut(run.stdout);
      expect(zh).toContain(`${where}  info  「景德镇手绘青花功夫茶具套组」的预计库存在 2027年2月 售罄（月末最多缺 212 件），期初库存 600 件。`);
    }
    // --lang wins over the environment
    expect(stockOut(shopplan(['validate', 'content', '--lang', 'en'], { env: { SHOPPLAN_LANG: 'zh-CN' } }).stdout)).toBe(en);
  }, 180_000);

  it('refuses a language it does not speak, exit 2', () => {
    const r = shopplan(['validate', 'content', '--lang', 'fr']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--lang must name one of zh-CN, en, got "fr"');
    expect(shopplan(['compute', 'content'], { env: { SHOPPLAN_LANG: 'de' } }).code).toBe(2);
  });

  it('prints infos as GitHub notices and in JSON with their severity', { timeout: 120_000 }, () => {
    expect(shopplan(['validate', 'content', '--format', 'github']).stdout).toMatch(/^::notice file=content\/promotions\.yaml,line=\d+,.*title=shopplan promotion-overlap::/m);
    const json = JSON.parse(shopplan(['validate', 'content', '--format', 'json', '--lang', 'zh-CN']).stdout);
    const overlap = json.diagnostics.find((d: { code: string }) => d.code === 'promotion-overlap');
    expect(overlap).toMatchObject({ severity: 'info', file: 'content/promotions.yaml' });
    expect(overlap.message).toMatch(/^促销「.+」与「.+」在 .+ 期间重叠/);
  });

  it('lists the findings in the compute summary in the chosen language', { timeout: 120_000 }, () => {
    const zh = shopplan(['compute', 'content', '--lang', 'zh-CN']);
    expect(zh.code).toBe(0);
    // the count is the plan's (it grows as checks are added); both languages list the same findings
    const zhCount = Number(/^发现（(\d+)）$/m.exec(zh.stdout)?.[1]);
    expect(zhCount).toBeGreaterThanOrEqual(7);
    expect(zh.stdout).toContain('ℹ 缺货风险：「景德镇手绘青花功夫茶具套组」的预计库存在 2027年2月 售罄');
    expect(zh.stdout).toContain('加 --json 可输出全部计算结果。');
    // the summary lists the findings, so stderr does not repeat them
    expect(zh.stderr).not.toContain('[stock-out]');
    const en = shopplan(['compute', 'content']);
    expect(Number(/^Findings \((\d+)\)$/m.exec(en.stdout)?.[1])).toBe(zhCount);
    expect(en.stdout).toContain('ℹ Overlapping promotions: Promotions “');
  });
});

describe('shopplan compute (text)', () => {
  // The example plan as the engine judges it: the printed figures must be these, formatted.
  const check = checkPlanFiles(join(ROOT, 'content'), folderFiles(join(ROOT, 'content')));
  const result = check.result!;
  const name = (id: string) => localText(check.input!.targets!.targets!.find((x) => x.id === id)!.name, 'en');
  const money = (v: number | null) => formatValue(v, 'money', 'en', { currency: 'CNY' });

  it('prints target | value | projection | gap | status for every target, the P&L, break-even, what it would take, then the findings', { timeout: 120_000 }, () => {
    const r = shopplan(['compute', 'content']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.find((l) => /^\s+Target\s+Value\s+Projection\s+Gap\s+Status$/.test(l))).toBeDefined();
    for (const v of Object.values(result.verdicts)) {
      const row = lines.find((l) => l.trimStart().startsWith(name(v.targetId)));
      expect(row, v.targetId).toBeDefined();
      const cells = row!.slice(row!.indexOf(name(v.targetId)) + name(v.targetId).length).trim().split(/\s{2,}/);
      expect(cells[1], v.targetId).toBe(formatValue(v.overall.projection, v.unit, 'en', { currency: 'CNY' }));
      expect(cells[3], v.targetId).toMatch(new RegExp(`^${v.overall.status === 'green' ? 'On track' : v.overall.status === 'amber' ? 'At risk' : 'Off track'} \\(`));
    }
    // the P&L summary and the break-even month follow the table
    expect(r.stdout).toMatch(new RegExp(`\\n  Operating profit +${money(result.pnl.total.operatingProfit).replace(/[$¥.]/g, '\\$&')}\\n`));
    expect(r.stdout).toContain(`Break-even month: ${formatMonth(result.pnl.breakEvenMonth!, 'en')}`);
    // what it would take: a heading per missed target, a line per driver (the example misses operating profit)
    const op = result.verdicts['operating-profit']!;
    expect(op.overall.status).not.toBe('green');
    const after = r.stdout.slice(r.stdout.indexOf('What it would take'));
    expect(after).toContain(`${name('operating-profit')}: target ${money(op.overall.target)}, projection ${money(op.overall.projection)}`);
    const tmall = op.toClose.find((d) => d.driver === 'cvr' && d.channel === 'tmall')!;
    expect(after).toContain(`Shanlan Tea Tmall flagship store CVR: ${formatValue(tmall.from, 'rate', 'en')} → ${formatValue(tmall.to, 'rate', 'en')}`);
    // an implausible change says so
    expect(op.toClose.some((d) => !d.plausible)).toBe(true);
    expect(after).toMatch(/ — implausible \(limit /);
    // the findings come last, in words on stdout, and not again on stderr
    expect(r.stdout.indexOf('Findings (')).toBeGreaterThan(r.stdout.indexOf('What it would take'));
    expect(r.stdout).toContain('ℹ Stock-out: ');
    expect(r.stderr).not.toContain('[stock-out]');
  });

  it('prints the numbers of a scenario and names it', { timeout: 120_000 }, () => {
    const base = shopplan(['compute', 'content']);
    const optimistic = shopplan(['compute', 'content', '--scenario', 'optimistic']);
    expect(optimistic.code).toBe(0);
    expect(optimistic.stdout).toContain('Scenario: Optimistic (optimistic)');
    expect(base.stdout).not.toContain('Scenario:');
    // the optimistic scenario lifts traffic and conversion: GMV's row and the P&L differ from the base case
    const gmvRow = (out: string) => out.split('\n').find((l) => l.trimStart().startsWith(name('gmv')));
    expect(gmvRow(optimistic.stdout)).not.toBe(gmvRow(base.stdout));
    const pnl = (out: string) => out.slice(out.indexOf('P&L summary'), out.indexOf('Break-even'));
    expect(pnl(optimistic.stdout)).not.toBe(pnl(base.stdout));
  });

  it('speaks Chinese with --lang zh-CN', { timeout: 120_000 }, () => {
    const r = shopplan(['compute', 'content', '--lang', 'zh-CN']);
    expect(r.stdout).toMatch(/^\s+目标\s+目标值\s+预测\s+差距\s+状态$/m);
    expect(r.stdout).toContain('损益汇总');
    expect(r.stdout).toContain('达成目标需要（任选一项）');
    expect(r.stdout).toMatch(/天猫旗舰店转化率：3% → [\d.]+%（\+[\d.]+%）/);
  });
});

describe('targets missed and overshot, as a user sees them', () => {
  // A one-channel shop: 100,000 visitors × 2 % × ¥200 = ¥400,000 GMV a month, ¥4,800,000 a year.
  // Operating profit a month: returns 12 % → net sales ¥352,000; VAT 13 % → ¥352,000 × 0.13 ÷ 1.13 = ¥40,495.58,
  // net revenue ¥311,504.42; commission 5 % of net sales ¥17,600 and payment fee 0.6 % of GMV ¥2,400 →
  // ¥291,504.42; a year ¥3,498,053.04. No products, so no COGS; no other costs.
  const dir = join(tmp, 'small-shop');
  const write = (name: string, text: string) => writeFileSync(join(dir, name), text);
  const setUp = () => {
    if (existsSync(dir)) return;
    mkdirSync(dir);
    write('plan.yaml', 'schemaVersion: 1\nid: small-shop\ntitle: Small shop 2027\ncompany: { name: Small Shop, category: Tea }\ncurrency: CNY\nhorizon: { start: 2027-01, months: 12 }\n');
    write('org.yaml', 'teams:\n  - id: ops\n    name: Operations\n    mission: Run the Tmall store.\n    responsibilities: [店铺日常运营]\n');
    write(
      'channels.yaml',
      'channels:\n  - id: tmall\n    name: { zh-CN: 天猫店, en: Tmall store }\n    platform: tmall\n    model: marketplace\n    owner: ops\n' +
        '    funnel: { visitors: 100000, cvr: 0.02, aov: 200, returnRate: 0.12, newCustomerShare: 0.5 }\n    fees: { commission: 0.05, paymentFee: 0.006 }\n',
    );
    write(
      'targets.yaml',
      'targets:\n' +
        '  - id: gmv\n    name: { zh-CN: GMV 400 万元, en: GMV of ¥4 million }\n    metric: gmv\n    value: 4000000\n    deadline: 2027-12\n    owner: ops\n' +
        '  - id: profit\n    name: { zh-CN: 经营利润 360 万元, en: Operating profit of ¥3.6 million }\n    metric: operating-profit\n    value: 3600000\n    deadline: 2027-12\n    owner: ops\n',
    );
  };
  const lineOf = (file: string, text: string) => readFileSync(join(dir, file), 'utf8').split('\n').indexOf(text) + 1;

  it('validate reports the overshot GMV and the missed profit at their targets’ lines, with the change that closes the gap', () => {
    setUp();
    const r = shopplan(['validate', dir]);
    expect(r.code).toBe(0);
    const at = (code: string) => r.stdout.split('\n').find((l) => l.endsWith(`[${code}]`));
    // GMV: ¥4,800,000 ÷ ¥4,000,000 = 120 %, ¥800,000 (20 %) above: more than the default 10 % overshoot
    expect(at('target-overshoot')).toBe(
      `${join(dir, 'targets.yaml')}:${lineOf('targets.yaml', '    value: 4000000')}:12  warning  Target “GMV of ¥4 million”: the plan projects ¥4.8M through Dec 2027, ¥800K (20%) above ¥4M, more than the 10% the plan allows.  [target-overshoot]`,
    );
    // profit: ¥3,498,053.04 ÷ ¥3,600,000 = 97.2 %, below green (98 %) but above amber (90 %): at risk, ¥101,946.96 short.
    // Every driver moves profit in proportion here (no fixed costs), so each needs ×3,600,000 ÷ 3,498,053.04 = ×1.0291:
    // the CVR, tried first, 2 % → 2.06 % (+2.9 %).
    expect(at('target-gap')).toBe(
      `${join(dir, 'targets.yaml')}:${lineOf('targets.yaml', '    value: 3600000')}:12  warning  Target “Operating profit of ¥3.6 million”: the plan projects ¥3.5M through Dec 2027, ¥101.9K short of ¥3.6M (97.2% attained, At risk). The smallest single change that closes it: Tmall store CVR: 2% → 2.06% (+2.9%).  [target-gap]`,
    );
  });

  it('compute prints both findings after the targets table, in Chinese too', () => {
    setUp();
    const en = shopplan(['compute', dir]);
    expect(en.code).toBe(0);
    const findings = en.stdout.slice(en.stdout.indexOf('Findings ('));
    expect(findings).toContain('⚠ Target overshot: Target “GMV of ¥4 million”: the plan projects ¥4.8M through Dec 2027, ¥800K (20%) above ¥4M');
    expect(findings).toContain('⚠ Target gap: Target “Operating profit of ¥3.6 million”: the plan projects ¥3.5M');
    const zh = shopplan(['compute', dir, '--lang', 'zh-CN']);
    expect(zh.stdout).toContain('目标「GMV 400 万元」：截至 2027年12月 预测 ¥480万，比目标 ¥400万 多 ¥80万（超出 20%），超过计划允许的 10%。');
    expect(zh.stdout).toContain('目标「经营利润 360 万元」：截至 2027年12月 预测 ¥349.8万，比目标 ¥360万 少 ¥10.2万（达成 97.2%，预警）。补足缺口的最小单项调整：天猫店转化率：2% → 2.06%（+2.9%）。');
  });
});

describe('shopplan new', () => {
  it.each(['blank', 'example'])('creates a plan repository from the %s seed: plan in content/, its files, a first commit', (seed) => {
    const dir = join(tmp, `new-${seed}`);
    const r = shopplan(['new', dir, '--seed', seed, '--no-build']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('The plan is valid.');
    expect(shopplan(['validate', join(dir, 'content')]).code).toBe(0);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.dependencies).toEqual({ shopplan: `^${own.version}` });
    expect(pkg.devDependencies).toEqual({ node: own.devDependencies.node });
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('npm install');
    expect(readFileSync(join(dir, '.github/workflows/plan.yml'), 'utf8')).toMatch(/^ {2}PLAN_DIR: content$/m);
    // the example's order exports stay behind: the package does not ship them
    expect(existsSync(join(dir, 'content/data'))).toBe(false);
    // the editor finds every schema where `npm install` puts ShopPlan
    const modeline = /\$schema=(\S+)/.exec(readFileSync(join(dir, 'content/plan.yaml'), 'utf8'))![1]!;
    expect(modeline).toBe('../node_modules/shopplan/schemas/plan.schema.json');
    const settings = JSON.parse(readFileSync(join(dir, '.vscode/settings.json'), 'utf8'))['yaml.schemas'] as Record<string, string[]>;
    for (const schema of Object.keys(settings)) expect(existsSync(join(ROOT, schema.replace('node_modules/shopplan/', '')))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, '.vscode/extensions.json'), 'utf8')).recommendations).toContain('redhat.vscode-yaml');
    const log = spawnSync('git', ['log', '--format=%s', 'main'], { cwd: dir, encoding: 'utf8' });
    expect(log.stdout.trim()).toBe(`New plan from the ShopPlan ${seed} seed`);
    expect(spawnSync('git', ['status', '--porcelain'], { cwd: dir, encoding: 'utf8' }).stdout).toBe('');
  });

  it('points package.json at a tarball given with --shopplan', () => {
    const tarball = join(tmp, 'shopplan-9.9.9.tgz');
    writeFileSync(tarball, '');
    const dir = join(tmp, 'new-tarball');
    expect(shopplan(['new', dir, '--shopplan', tarball, '--no-build']).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).dependencies.shopplan).toBe(`file:${tarball}`);
  });

  it('refuses to overwrite a folder that has files, exit 2', () => {
    const r = shopplan(['new', join(ROOT, 'content')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('already exists');
  });
});

describe('shopplan build', () => {
  it('builds any plan folder into any output folder, with plan.json; piped progress is plain lines', () => {
    const out = join(tmp, 'site-blank');
    const r = shopplan(['build', 'seeds/blank', '--out', out, '--no-pdf']);
    expect(r.code, r.stderr).toBe(0);
    // Piped (as here and in CI logs): one line per stage, no escape codes, carriage returns or broken characters.
    expect(r.stderr).toMatch(/^Checking the plan/);
    for (const c of ['\u001b', '\r', '\ufffd']) expect(r.stdout + r.stderr).not.toContain(c);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(JSON.parse(readFileSync(join(out, 'plan.json'), 'utf8')).targets.gmv.value).toBe(10_000_000);
  });

  it('on an invalid plan exits 1, prints the diagnostics and leaves an existing output untouched', () => {
    const out = join(tmp, 'site-keep');
    expect(shopplan(['build', 'seeds/blank', '--out', out, '--no-pdf']).code).toBe(0);
    const before = statSync(join(out, 'index.html')).mtimeMs;
    const { dir } = brokenCopy('build-broken', 'targets.yaml', /^\s+owner:/, (l) => l.replace(/owner: .*/, 'owner: nobody'));
    const r = shopplan(['build', dir, '--out', out, '--no-pdf']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ref-unresolved');
    expect(r.stderr).toContain(`Nothing was written to ${out}`);
    expect(statSync(join(out, 'index.html')).mtimeMs).toBe(before);
    const fresh = join(tmp, 'site-never');
    expect(shopplan(['build', dir, '--out', fresh, '--no-pdf']).code).toBe(1);
    expect(existsSync(fresh)).toBe(false);
  }, 120_000); // three builds: a busy machine needs more than the default

  it('--quiet prints no progress, but still the diagnostics', () => {
    const quiet = shopplan(['build', 'seeds/blank', '--out', join(tmp, 'site-quiet'), '--no-pdf', '--quiet']);
    expect(quiet.code, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe('');
    const { dir } = brokenCopy('build-quiet', 'targets.yaml', /^\s+owner:/, (l) => l.replace(/owner: .*/, 'owner: nobody'));
    const r = shopplan(['build', dir, '--out', join(tmp, 'site-quiet-broken'), '--no-pdf', '-q']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('ref-unresolved');
    expect(r.stderr).not.toMatch(/Checking the plan/);
  }, 120_000);
});
