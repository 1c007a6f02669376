import type { Span } from '../plan.js';

/** The units of one responsibility clause; `lead` and `support` are subsets of `units`. */
export interface Responsibility {
  units: string[];
  lead: string[];
  support: string[];
  /** Where the clause stands in the plan text (brackets included). */
  span: Span;
}
