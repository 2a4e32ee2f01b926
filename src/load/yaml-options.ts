// Options every parse of a plan's YAML passes. The parser's warnings are read from the document where they
// matter (doc.warnings, as located diagnostics); at its default level it also hands each to
// process.emitWarning, and Node prints it beside ShopPlan's own messages as "(node:PID) YAMLWarning …".
export const QUIET_YAML = { logLevel: 'error' } as const;
