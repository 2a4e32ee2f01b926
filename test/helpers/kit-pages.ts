// Which pages of src/site/pages are on the page kit yet (issue #13 §1), for the tests of the kit's rules: the
// source rules (test/site/page-kit.test.ts) and the number style of built pages (test/e2e/number-style.test.ts).

/** Pages not yet moved onto the kit (issue #13 §1). The list only shrinks: a listed page that is clean fails. */
export const NOT_YET_ON_THE_KIT = new Set([
]);

/** Whether a built page (URL path, either locale) comes from a page on the kit. */
export function onTheKit(path: string): boolean {
  const slug = path.replace(/^\/(en\/)?/, '').replace(/\/$/, '');
  const file = slug === '' ? 'index.astro' : slug.startsWith('chapters/') ? 'chapters/[slug].astro' : `${slug}.astro`;
  return !NOT_YET_ON_THE_KIT.has(file);
}
