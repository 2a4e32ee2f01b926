/// <reference types="astro/client" />
declare module 'virtual:shopplan/data' {
  const data: import('./site-data.ts').SiteData;
  export default data;
  /** Which plan `shopplan dev` rendered the page from (0 in a build). */
  export const generation: number;
}

declare namespace App {
  interface Locals {
    /** Data tables rendered so far on the page (DataTable numbers its row-header ids by it). */
    dataTables?: number;
  }
}
