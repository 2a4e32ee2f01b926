// Every diagnostic code ShopPlan emits. Codes are stable: tools and docs rely on them.
// docs/diagnostics.md documents each one (a test keeps the two in step).
import { FINDING_SEVERITY, type FindingKind, type FindingSeverity } from '../model/findings.ts';

export type CodeInfo =
  | {
      severity: 'error' | 'warning' | 'info';
      /** One line: what the code means. */
      title: string;
      /** Default hint: what to do about it. */
      fix: string;
    }
  /** A finding of the engine (src/model/findings.ts): its title and hint are in the catalog, in every language. */
  | { severity: FindingSeverity; finding: true };

/** The engine's findings are codes too (code = kind), as serious as their kind. */
const FINDING_CODES = Object.fromEntries(Object.entries(FINDING_SEVERITY).map(([kind, severity]) => [kind, { severity, finding: true }])) as {
  readonly [K in FindingKind]: { readonly severity: (typeof FINDING_SEVERITY)[K]; readonly finding: true };
};

export const CODES = {
  // Files and folders
  'plan-dir-missing': { severity: 'error', title: 'The plan folder does not exist.', fix: 'Pass the folder that holds plan.yaml, e.g. `shopplan validate content`, or create one with `shopplan new <dir>`.' },
  'file-missing': { severity: 'error', title: 'A required plan file is missing.', fix: 'Create it; `shopplan new <dir> --seed blank` shows a minimal one.' },
  'file-unknown': { severity: 'error', title: 'A YAML file in the plan folder is not a plan file ShopPlan knows.', fix: 'Rename it to one of the plan files listed in the message, or move it out of the plan folder.' },
  'file-name': { severity: 'error', title: 'A chapter’s file name cannot become a page address.', fix: 'Name chapters like 01-strategy.mdx or 01-strategy.en.mdx: letters, digits, "-" and "_".' },
  'file-too-large': { severity: 'error', title: 'A plan file is larger than the size limit.', fix: 'Split the data or move bulk data (orders, actuals) into CSV files.' },
  'file-encoding': { severity: 'error', title: 'A plan file is not valid UTF-8.', fix: 'Save the file as UTF-8 (in most editors: “Save with encoding” → UTF-8). Exports from Windows are often GBK.' },
  'file-binary': { severity: 'error', title: 'A plan file contains binary data.', fix: 'Plan files are text: replace it with YAML or MDX text.' },
  'file-empty': { severity: 'error', title: 'A plan file is empty.', fix: 'Write the section, or delete the file to leave the section out.' },
  'file-outside-plan': { severity: 'error', title: 'A plan file or folder is a symbolic link that leads outside the plan folder.', fix: 'Put the file itself into the plan folder (a link may point only to another place inside it): ShopPlan reads and publishes nothing from outside the plan folder.' },
  'file-not-regular': { severity: 'error', title: 'A plan file is not a regular file (a folder, device, FIFO or socket).', fix: 'Replace it with an ordinary text file, or remove it from the plan folder.' },
  'file-unreadable': { severity: 'error', title: 'A plan file cannot be read (no permission, a broken or looping link).', fix: 'Check that the file exists and that you may read it (`ls -l`); replace a broken link with the file itself.' },
  // YAML
  'yaml-syntax': { severity: 'error', title: 'The YAML cannot be parsed.', fix: 'Fix the syntax at the marked place: check indentation, colons and quotes.' },
  'yaml-duplicate-key': { severity: 'error', title: 'A key appears twice in the same mapping.', fix: 'Remove or rename one of the two keys; YAML would silently keep only the last one.' },
  'yaml-alias-limit': { severity: 'error', title: 'Aliases expand beyond the safety limit.', fix: 'Write the values out instead of nesting aliases (`*name`); this limit stops “billion laughs” files.' },
  'yaml-too-deep': { severity: 'error', title: 'Lists or mappings are nested too deeply.', fix: 'A plan needs only a few levels: check for brackets that never close, or split the data into flatter entries.' },
  'yaml-number': { severity: 'error', title: 'A number is written in a form a plan cannot use (hexadecimal, octal, a leading zero, infinite or too large).', fix: 'Write the number in plain decimal, e.g. 16 or 0.035; quote it if it is a code rather than a number.' },
  'yaml-unknown-tag': { severity: 'error', title: 'A YAML tag (`!something`) is not allowed.', fix: 'Remove the tag: plan files use plain YAML values only.' },
  // Schema
  'schema-unknown-key': { severity: 'error', title: 'A key is not part of the content model here.', fix: 'Check the spelling against the allowed keys (the message suggests the closest one).' },
  'schema-required': { severity: 'error', title: 'A required field is missing.', fix: 'Add the field named in the message.' },
  'schema-type': { severity: 'error', title: 'A value has the wrong type.', fix: 'Write the value as the type the message names: numbers without quotes, units or separators (1200000, 0.035); text that looks like a number in quotes ("618").' },
  'schema-enum': { severity: 'error', title: 'A value is not one of the allowed choices.', fix: 'Use one of the values listed in the message.' },
  'schema-const': { severity: 'error', title: 'A value must be exactly one fixed value.', fix: 'Use the value named in the message.' },
  'schema-rate': { severity: 'error', title: 'A rate or share is outside 0–1.', fix: 'Write rates as decimals: 0.035 for 3.5 %, not 3.5 or "3.5%".' },
  'schema-range': { severity: 'error', title: 'A number is outside its allowed range.', fix: 'Use a number within the range the message names.' },
  'schema-decimals': { severity: 'error', title: 'An amount of money has more than two decimals.', fix: 'Round it to the 分 (two decimals), e.g. 150000000.00.' },
  'schema-pattern': { severity: 'error', title: 'A value does not have the required form.', fix: 'Use the form the message names (ids are kebab-case, months are YYYY-MM).' },
  'schema-format': { severity: 'error', title: 'A date or address is malformed.', fix: 'Write dates as YYYY-MM-DD and addresses as full URLs.' },
  'schema-length': { severity: 'error', title: 'A text or list is too short or too long.', fix: 'Add or remove entries as the message says.' },
  'schema-unique': { severity: 'error', title: 'A list holds the same item twice.', fix: 'Remove the repeated item.' },
  'schema-variant': { severity: 'error', title: 'The `type` of an entry is not a known variant.', fix: 'Use one of the variants listed in the message.' },
  'schema-invalid': { severity: 'error', title: 'A value does not match the content model.', fix: 'Compare the value with the schema description (hover in your editor).' },
  // Meaning
  'id-duplicate': { severity: 'error', title: 'Two entries share the same id.', fix: 'Give each entry its own id; other entries refer to them by id.' },
  'ref-unresolved': { severity: 'error', title: 'A reference points at an id that does not exist.', fix: 'Use one of the existing ids (the message suggests the closest one) or add the missing entry.' },
  'share-sum': { severity: 'error', title: 'Shares that must add up to 100 % do not.', fix: 'Adjust the shares so they add up to exactly 1.' },
  'seasonality-months': { severity: 'error', title: 'A seasonality profile does not cover every month of the plan.', fix: 'Give exactly one share for each month of the plan horizon.' },
  'month-out-of-horizon': { severity: 'error', title: 'A month or date lies outside the plan horizon.', fix: 'Use a month inside the horizon set in plan.yaml, or extend the horizon.' },
  'date-range': { severity: 'error', title: 'Dates out of order: an end before its start, or a presale’s balance (尾款) after its promotion has ended.', fix: 'Swap or correct the dates.' },
  'kpi-formula-syntax': { severity: 'error', title: 'A KPI formula cannot be parsed.', fix: 'Write formulas with KPI ids, numbers, + - * / and parentheses, e.g. `orders * aov`.' },
  'kpi-formula-unknown': { severity: 'error', title: 'A KPI formula uses a name that is not a KPI.', fix: 'Use the id of a KPI defined in kpis.yaml.' },
  'kpi-cycle': { severity: 'error', title: 'KPI formulas refer to each other in a circle.', fix: 'Break the circle: one of the KPIs must be an input, not a formula.' },
  'scenario-path': { severity: 'error', title: 'A scenario override names a plan path that does not exist.', fix: 'Use a path to a number in the plan, with ids for list items, e.g. `channels.tmall.funnel.cvr`.' },
  'scenario-override': { severity: 'error', title: 'A scenario override needs exactly one of `factor` and `set`.', fix: 'Keep either `factor` (multiply) or `set` (replace), not both or neither.' },
  'scenario-invalid': { severity: 'error', title: 'A scenario, or a sensitivity driver moved by its range, makes a plan input invalid.', fix: 'Change the override (a smaller factor, a value within the allowed range) so the plan stays valid: every scenario is checked like the plan itself before it is computed.' },
  'plan-too-large': { severity: 'error', title: 'The plan asks for more computation than one run does (entries × months × passes).', fix: 'Use fewer sensitivity drivers or scenarios, a shorter horizon, or split the plan (e.g. one plan per brand or region).' },
  'assumption-range': { severity: 'error', title: 'An own range of plan.yaml `assumptions.ranges` is upside down.', fix: 'Give `low` ≤ `typical` ≤ `high`, in the unit of the metric (rates as decimals, money in yuan, festival months as a multiple of the average month).' },
  'assumption-accepted': { severity: 'error', title: 'An accepted finding of plan.yaml `assumptions.accepted` names no finding code or no place in the plan.', fix: 'Copy the code `validate` prints (e.g. `out-of-range`) and write the path like a scenario path, with ids for list items, e.g. `channels.tmall.funnel.cvr`.' },
  'rfm-cutoffs': { severity: 'error', title: 'RFM cut-offs are not in ascending order.', fix: 'List the four cut-offs from smallest to largest.' },
  'score-missing': { severity: 'warning', title: 'An entry has no score for one of the scoring dimensions.', fix: 'Add a score from 1 to 5 for the dimension named, or it counts as 0.' },
  'result-out-of-range': { severity: 'error', title: 'A computed figure is not a finite number within what integer 分 hold exactly (about ±90 万亿).', fix: 'An input is far too large (or far too small where it divides): check the number named in the message.' },
  'ad-law-term': { severity: 'warning', title: 'Marketing copy uses a term China’s Advertising Law forbids.', fix: 'Rephrase without absolute claims (《广告法》第九条); allow a term in plan.yaml `advertisingLaw.allowedTerms` only if it is e.g. part of a trademark.' },
  'text-markup': { severity: 'warning', title: 'Text contains HTML or script markup.', fix: 'Write plain text: markup is shown as text on the site, never run.' },
  // Actuals (CSV)
  'actuals-syntax': { severity: 'error', title: 'An actuals CSV file cannot be read.', fix: 'Save it as comma-separated UTF-8 with a header line `month,<kpi id>,…`.' },
  'actuals-month': { severity: 'error', title: 'An actuals row has a bad or repeated month.', fix: 'Write one row per month as YYYY-MM.' },
  'actuals-value': { severity: 'error', title: 'An actuals cell is not a number.', fix: 'Write plain numbers without units; rates as decimals.' },
  'actuals-unknown-kpi': { severity: 'error', title: 'An actuals column is not a KPI id.', fix: 'Name columns after KPI ids in kpis.yaml (the message suggests the closest one).' },
  'kpi-measure-formula': { severity: 'error', title: 'A KPI has both a formula and an engine measure.', fix: 'Keep one: a formula over other KPIs, or the measure the engine projects.' },
  // Order data (data.yaml and the files it names)
  'data-path-outside': { severity: 'error', title: 'An order source’s path is absolute, contains `..`, or leads outside the plan folder (e.g. through a symbolic link).', fix: 'Copy the export into the plan folder (a git-ignored subfolder such as `data/private/` for real customer data) and give its path relative to the plan folder.' },
  'data-file-kind': { severity: 'error', title: 'An order source names something that is not an order file: a hidden file, a file without a CSV or Parquet extension, a folder, device or FIFO, or a file over the size limit.', fix: 'Point `path` at order exports: `.csv`, `.tsv` or `.txt` (optionally `.gz`), or `.parquet`; split very large exports into several files and match them with `*`.' },
  'data-file-missing': { severity: 'error', title: 'An order source names a file that does not exist, or a pattern that matches no file.', fix: 'Correct `path` of the source in data.yaml; paths are relative to the plan folder.' },
  'data-config': { severity: 'error', title: 'An order source cannot be analysed as configured.', fix: 'Complete the source in data.yaml as the message says (a channel, the plan’s currency, RFM cut-offs in users.yaml).' },
  'data-column-missing': { severity: 'error', title: 'An order file has no column of the name the mapping gives.', fix: 'Map the field to a header as written in the file (the message lists the columns and suggests the closest one).' },
  'data-encoding': { severity: 'error', title: 'An order file is not in the text encoding declared for it.', fix: 'Declare `encoding: gbk` (or `gb18030`) for GBK exports, or save the file as UTF-8.' },
  'data-unreadable': { severity: 'error', title: 'An order file cannot be read as CSV or Parquet.', fix: 'Check the file (a complete download, the right `format` and `delimiter`).' },
  'data-engine': { severity: 'error', title: 'The order analysis engine (embedded DuckDB) failed.', fix: 'Reinstall dependencies (`npm install`); `@duckdb/node-api` ships its native binary in the npm package.' },
  'data-file-empty': { severity: 'warning', title: 'An order file has no rows.', fix: 'Export the orders again, or remove the file from the source.' },
  'data-bad-rows': { severity: 'warning', title: 'Rows of an order file are left out: bad date, amount, id, channel or line.', fix: 'Fix the rows at the lines named, or map channel names with `channelMap`; the rows are counted, never silently dropped.' },
  'data-baseline-missing': { severity: 'warning', title: 'No order falls in the baseline year.', fix: 'Set `baselineYear` in data.yaml to a year the files cover, or add that year’s export.' },
  'data-partial-year': { severity: 'warning', title: 'The orders do not cover every month of the baseline year.', fix: 'Add the missing months’ exports; until then seasonality counts them as zero.' },
  'data-actuals-overlap': { severity: 'warning', title: 'Orders and actuals/*.csv both give a KPI for the same month.', fix: 'Keep one source per KPI and month: remove the column from the CSV or the KPI from data.yaml `actuals`.' },
  // Chapters (MDX)
  'mdx-syntax': { severity: 'error', title: 'An MDX chapter cannot be parsed.', fix: 'Fix the syntax at the marked place; in MDX, `{`, `}` and `<` start code and must be escaped in prose (`\\{`, `&lt;`).' },
  'mdx-too-complex': { severity: 'error', title: 'Chapters are too long or use too much Markdown structure to be read quickly.', fix: 'Chapters are prose: shorten them, or move tables and long lists into the YAML files, where the site shows them as tables. Bounds: docs/diagnostics.md.' },
  'mdx-frontmatter': { severity: 'error', title: 'A chapter’s front matter is missing or invalid.', fix: 'Start the chapter with `---`, `title: …`, `order: <number>`, `---`.' },
  'mdx-unknown-kpi': { severity: 'error', title: 'A `:kpi[…]` directive names a KPI that does not exist.', fix: 'Use the id of a KPI in kpis.yaml.' },
  'mdx-unknown-value': { severity: 'error', title: 'A `:value[…]` directive names a computed value that does not exist.', fix: 'Use a path to a number that `shopplan compute --json` prints, e.g. `targets.gmv.value` or `targets.gmv.quarterly.2027-Q4`.' },
  'mdx-unknown-figure': { severity: 'error', title: 'A `::chart{…}` or `::table{…}` directive names a chart or table that does not exist, takes an attribute it does not know, or does not stand on its own line.', fix: 'Write `::chart{series=<name>}` or `::table{of=<name>}` on a line of its own with a name listed in docs/chapters.md (the message suggests the closest one).' },
  'mdx-code': { severity: 'error', title: 'A chapter contains code (import/export or a {…} expression).', fix: 'Chapters are prose: cite numbers with :kpi[…] and :value[…]; write a literal brace as \\{.' },
  // Links and images (chapters and every `format: uri` field)
  'link-scheme': { severity: 'error', title: 'A link or web address uses a scheme other than https:, http: or mailto: (e.g. javascript:, data:, file:).', fix: 'Link to a web page (https://…), an email address (mailto:…) or a page of the site by a relative path; other schemes can run script or open files in the reader’s browser, so they never reach the site.' },
  'image-off-origin': { severity: 'error', title: 'A chapter image comes from another site.', fix: 'Pages load nothing from other sites (it would tell them who reads the plan, and the picture could change after review): remove the image, or link to it as text, e.g. [门店照片](https://…).' },
  'image-unsupported': { severity: 'error', title: 'A chapter shows an image from a file.', fix: 'Remove the image and say in words what it shows, or link to where the picture is kept, e.g. [门店照片](https://…); figures come from the plan with :kpi[…] / :value[…].' },
  // Spreadsheets (`shopplan import`); located as file!sheet!cell
  'import-file': { severity: 'error', title: 'A spreadsheet cannot be read.', fix: 'Save it as an Excel workbook (.xlsx) or as CSV (UTF-8 or GBK), and check the path.' },
  'import-sheet': { severity: 'error', title: 'The workbook has no sheet of the name given with `--sheet`.', fix: 'Use one of the sheet names the message lists (the first visible sheet is read when `--sheet` is left out).' },
  'import-header': { severity: 'error', title: 'No header row names the id column of the entries.', fix: 'Put a header row over the data with an id column (`id` or its title, e.g. `SKU 编码`) and one column per field; see docs/excel.md.' },
  'import-column': { severity: 'warning', title: 'A column is not a field of the entries and is not imported.', fix: 'Rename the header to a field name or title (the message suggests the closest), or leave it: the column is ignored.' },
  'import-cell': { severity: 'error', title: 'A cell cannot be read as the value of its field.', fix: 'Write the value as the message says: plain numbers, rates as decimals or Excel percentages, months as YYYY-MM.' },
  'import-row': { severity: 'error', title: 'A row has no id, or repeats the id of an earlier row.', fix: 'Give every row its own id; rows are matched to the plan’s entries by id.' },
  // Findings of the engine, reported after compute at the line of what they are about
  ...FINDING_CODES,
} as const satisfies Record<string, CodeInfo>;

export type Code = keyof typeof CODES;
