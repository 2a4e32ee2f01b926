// .astro files as the container API takes them: for typecheck only, Vite compiles them in the test run.
declare module '*.astro' {
  const component: Parameters<import('astro/container').experimental_AstroContainer['renderToString']>[0];
  export default component;
}
