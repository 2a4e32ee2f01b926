// Product results: per SKU figures, the product matrix and its balance (src/engine/products.ts).
import type { ProductsFile, Text } from '../plan-input.generated.ts';
import type { Series } from './series.ts';
import type { Explanation } from './explanation.ts';
import type { SlowReason } from '../findings.ts';

type Sku = NonNullable<ProductsFile['skus']>[number];

export type Role = Sku['role'];

export const ROLES: readonly Role[] = ['traffic', 'profit', 'image'];

export interface SkuResult {
  id: string;
  /** Position in products.yaml `skus`. */
  index: number;
  name: Text;
  category: string;
  role: Role;
  status: Sku['status'];
  /** Channels the SKU sells on; null = every channel. */
  channels: string[] | null;
  /** Selling price incl. VAT by the pricing method, ¥0.01. */
  price: number;
  /** Unit cost excl. VAT. */
  cost: number;
  /** price / (1 + VAT) − cost, ¥0.01. */
  unitMargin: number;
  /** unitMargin ÷ (price / (1 + VAT)); null when the price is 0. */
  marginRate: number | null;
  /** Σ criterion weight × score (missing score = 0). */
  score: number;
  /** 1 = highest score; ties keep the order of products.yaml. */
  rank: number;
  /** Units the channels sell of the SKU (their orders filled by the mix, with promotions). */
  units: Series;
  /** Σ channels units × price on the channel, ¥0.01 (the month's GMV split over SKUs by largest remainder). */
  gmv: Series;
  /** Units kept (net of returns) × cost, ¥0.01. */
  cogs: Series;
  /** (GMV − refunds) ÷ (1 + VAT) − COGS, ¥0.01. */
  grossProfit: Series;
  /** Σ units over the horizon. */
  unitsSold: number;
  /** forecast.monthlyUnits × months on sale: the plan's own estimate of the units. */
  forecastUnits: number;
  /** Units sold ÷ forecast units − 1; null without a forecast. */
  forecastGap: number | null;
  openingStock: number | null;
  /** Opening stock ÷ average monthly units sold in the months on sale. */
  monthsOfCover: number | null;
  /** lastYear.units ÷ (lastYear.units + opening stock); null when either is missing. */
  sellThrough: number | null;
  slowSeller: boolean;
  slowReasons: SlowReason[];
  explain: Record<string, Explanation>;
}

export interface MatrixCell {
  skus: number;
  gmvShare: number | null;
  grossProfitShare: number | null;
}

export interface CategoryResult {
  id: string;
  name: Text;
  units: Series;
  gmv: Series;
  cogs: Series;
  grossProfit: Series;
}

export interface ProductsResult {
  skus: Record<string, SkuResult>;
  /** Σ of the SKUs of each category, month by month (so categories add up to the SKUs and the channels). */
  categories: Record<string, CategoryResult>;
  /** SKU ids by rank. */
  ranking: string[];
  matrix: Record<Role, MatrixCell>;
  /** Σ COGS ÷ Σ net revenue of the SKUs sold: cost of goods per yuan of net revenue excl. VAT. */
  cogsRatio: number | null;
  units: Series;
  /** GMV, COGS and gross profit of the SKUs: equal, month by month, to those of the channels SKUs sell on. */
  gmv: Series;
  cogs: Series;
  grossProfit: Series;
}
