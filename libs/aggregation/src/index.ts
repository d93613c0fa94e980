// The pure core of the protected aggregation: statistics, the table catalogue, primary and
// complementary suppression, the LP audit gate and peer-review rules. No Nest, no database.
// See docs/disclosure-control.md.
export * from './aggregation.errors';
export * from './core/rounding';
export * from './core/statistics';
export * from './core/gender-gap';
export * from './core/catalogue';
export * from './core/suppression';
export * from './core/linked-tables';
export * from './core/audit';
export * from './core/complementary';
export * from './core/publication';
export * from './core/peer-review';
