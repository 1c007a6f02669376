import type { AssignmentRole } from '../db/schema.js';

/** A unit's role on an item, as the domain rules read it. */
export interface AssignmentRecord {
  itemId: string;
  unitId: string;
  role: AssignmentRole;
}

/** A printed unit name on an item that matched no unit yet. */
export interface UnmatchedRecord {
  itemId: string;
  name: string;
  role: AssignmentRole;
}
