// The string formats the plan schemas use: one map for the schema compiler (ajv.ts) and the precompiled
// validators (validators.generated.js imports it, see scripts/render-validators.ts).
import type { Format } from 'ajv';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { checkUrl } from '../model/url-policy.ts';

const isUri = fullFormats.uri as (value: string) => boolean;

export const planFormats = {
  date: fullFormats.date,
  // `format: uri` is also the URL allow-list: `javascript:alert(1)//` is a well-formed URI, but never a plan's address.
  uri: (value: string) => isUri(value) && checkUrl(value, 'link').ok,
} satisfies Record<string, Format>;
