// The URL path a site is served under (`--base`), in one form everywhere: leading and trailing slash.
/** `operating-plan` → `/operating-plan/`; empty, blank or `/` → `/`. */
export function normalizeBase(base: string | undefined): string {
  const trimmed = (base ?? '').trim().replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed}/` : '/';
}
