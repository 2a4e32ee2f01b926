// Marketing results per channel and in total (src/engine/marketing.ts).
import type { MarketingFile } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';
import type { CustomerValue } from './users.ts';

type Channel = NonNullable<MarketingFile['channels']>[number];

export interface MarketingChannelResult {
  id: string;
  kind: Channel['kind'];
  spend: Series;
  clicks: Series;
  orders: Series;
  gmv: Series;
  newCustomers: Series;
  totals: { spend: number; clicks: number; orders: number; gmv: number; newCustomers: number };
  cac: number | null;
  roas: number | null;
  roi: number | null;
  /** Customer lifetime value (CLV) of the channel's new customers at its AOV; see CustomerValue. */
  ltv: number | null;
  ltvCac: number | null;
  paybackMonths: number | null;
  explain: Record<string, Explanation>;
}

export interface MarketingResult {
  channels: Record<string, MarketingChannelResult>;
  spend: Series;
  /** cac: overall spend ÷ new customers; ltv, ltvCac, paybackMonths: the plan's customer value at the funnel's AOV. */
  totals: { spend: number; gmv: number; newCustomers: number; cac: number | null; roas: number | null } & CustomerValue;
  explain: Record<'ltv' | 'ltvCac' | 'paybackMonths', Explanation>;
  experiments: Record<string, { sampleSizePerVariant: number | null; days: number | null; explain: Explanation }>;
}
