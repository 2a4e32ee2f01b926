// The shape every model's result shares: a monthly series.

/** month → value, for every month of the horizon. */
export type Series = Record<string, number>;
