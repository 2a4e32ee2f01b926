/// <reference types="astro/client" />
declare module 'virtual:shopplan/data' {
  const data: import('./site-data.ts').SiteData;
  export default data;
}
