// What the site knows about plan versions (pages import these types; no Node APIs here). The latest
// site (the working tree, at the root) lists every version and the changes between consecutive ones;
// a version's own site (under v/<tag>/) knows only itself and where the latest site is, so building a
// new version never invalidates the versions already built.
import type { PlanDiff } from './diff.ts';

export interface VersionHeadline {
  currency: string;
  /** The GMV target (targets.yaml, metric gmv), when the plan has one. */
  gmvTarget: number | null;
  /** P&L totals for the horizon. */
  gmv: number;
  netRevenue: number;
  operatingProfit: number;
}

export interface VersionSummary {
  tag: string;
  commit: string;
  /** ISO 8601 date of the tag (tagger date, else commit date). */
  date: string;
  /** The tag message (or the commit message of a lightweight tag). */
  message: string;
  /** The plan's own `version` field in plan.yaml, when it has one. */
  planVersion: string | null;
  headline: VersionHeadline;
  /** Locales the version's site has. */
  locales: string[];
  /** The schemaVersion the plan was written for, when it had to be migrated. */
  migratedFrom: number | null;
}

export interface VersionChange {
  /** Anchor on the changes page, e.g. `v2027.1-v2027.2`. */
  id: string;
  from: string;
  /** A tag, or null for the working tree (not yet released). */
  to: string | null;
  diff: PlanDiff;
}

export interface SiteVersions {
  /** The version this site shows; null for the latest (the working tree). */
  current: string | null;
  /** The base URL of the latest site, e.g. `/` or `/plan/` (ends with `/`). */
  rootBase: string;
  /** Newest first. Empty in a version's own site. */
  list: VersionSummary[];
  /** Consecutive pairs, newest first. Empty in a version's own site. */
  changes: VersionChange[];
}

/** URL path of a version's site (or of the latest with `tag` null), in a locale prefix ('' or 'en/'). */
export function versionHref(versions: SiteVersions, tag: string | null, localePrefix = ''): string {
  return `${versions.rootBase}${tag ? `v/${encodeURIComponent(tag)}/` : ''}${localePrefix}`;
}

/** Folder of a version's site inside the output: `v/<tag>`. */
export function versionFolder(tag: string): string {
  return `v/${tag}`;
}

/** Tags git allows but a URL path segment or folder should not hold are refused as versions. */
export function usableTag(tag: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(tag);
}
