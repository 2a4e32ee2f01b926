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
  units: Series;
  /** units × price (incl. VAT), ¥0.01. */
  gmv: Series;
  /** units × cost, ¥0.01. */
  cogs: Series;
  openingStock: number | null;
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

export interface ProductsResult {
  skus: Record<string, SkuResult>;
  /** SKU ids by rank. */
  ranking: string[];
  matrix: Record<Role, MatrixCell>;
  /** Σ cost·units ÷ Σ (price / (1 + VAT))·units: cost of goods per yuan of net revenue excl. VAT. */
  cogsRatio: number | null;
  units: Series;
  gmv: Series;
  cogs: Series;
  /** Σ units × (price / (1 + VAT) − cost), ¥0.01. */
  grossProfit: Series;
}
