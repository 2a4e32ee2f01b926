// Words of the site's pages that belong to one page only, one file per page (keys `page.<page>.<name>`).
// Words more than one page shows live in ../ui.ts; enum labels in ../labels.ts.
import { BASELINE_PAGE } from './baseline.ts';
import { BOARD_PAGE } from './board.ts';
import { CHANGES_PAGE } from './changes.ts';
import { CHANNELS_PAGE } from './channels.ts';
import { DASHBOARD_PAGE } from './dashboard.ts';
import { KPIS_PAGE } from './kpis.ts';
import { MARKETING_PAGE } from './marketing.ts';
import { ORG_PAGE } from './org.ts';
import { PNL_PAGE } from './pnl.ts';
import { PRODUCTS_PAGE } from './products.ts';
import { PROMOTIONS_PAGE } from './promotions.ts';
import { REVIEW_PAGE } from './review.ts';
import { RISKS_PAGE } from './risks.ts';
import { SCENARIOS_PAGE } from './scenarios.ts';
import { STRATEGY_PAGE } from './strategy.ts';
import { SUPPLY_PAGE } from './supply.ts';
import { TARGETS_PAGE } from './targets.ts';
import { USERS_PAGE } from './users.ts';
import { VERSIONS_PAGE } from './versions.ts';

export const PAGES = { ...BASELINE_PAGE, ...BOARD_PAGE, ...CHANGES_PAGE, ...CHANNELS_PAGE, ...DASHBOARD_PAGE, ...KPIS_PAGE, ...MARKETING_PAGE, ...ORG_PAGE, ...PNL_PAGE, ...PRODUCTS_PAGE, ...PROMOTIONS_PAGE, ...REVIEW_PAGE, ...RISKS_PAGE, ...SCENARIOS_PAGE, ...STRATEGY_PAGE, ...SUPPLY_PAGE, ...TARGETS_PAGE, ...USERS_PAGE, ...VERSIONS_PAGE };
