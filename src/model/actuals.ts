// Actuals merged from every `actuals/*.csv`: month → KPI id → value.
export type ActualsTable = Record<string, Record<string, number>>;
