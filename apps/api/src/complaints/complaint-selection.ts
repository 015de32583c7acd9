import type { GraphQLResolveInfo } from 'graphql';
import { parseResolveInfo, type ResolveTree } from 'graphql-parse-resolve-info';
import { SUMMARY_COMPLAINANT_FIELDS, SUMMARY_FIELDS } from './complaint.mapper.js';

/**
 * Whether a `complaints` page must read each complaint's state: true when its selection asks,
 * through `nodes` or `edges.node`, for a field the summary's columns do not hold. Fragments,
 * aliases and `@skip`/`@include` are resolved as execution will resolve them, so the page reads
 * the state exactly when a field will need it.
 */
export function pageNeedsState(info: GraphQLResolveInfo): boolean {
  const page = parseResolveInfo(info);
  // Not a field's tree (it cannot happen for an object field): read everything.
  if (!page || !isResolveTree(page)) return true;
  const connection = fieldsOf(page, 'ComplaintConnection');
  const complaints = [
    ...connection.filter((field) => field.name === 'nodes'),
    ...connection
      .filter((field) => field.name === 'edges')
      .flatMap((edges) => fieldsOf(edges, 'ComplaintEdge').filter((f) => f.name === 'node')),
  ];
  return complaints.some((complaint) => fieldsOf(complaint, 'Complaint').some(needsState));
}

/**
 * The next deadline's fields a page answers from the read model (deadline-read-model.ts), its
 * state judged today by the domain; its explanation is derived from the state.
 */
export const STORED_DEADLINE_FIELDS: ReadonlySet<string> = new Set([
  '__typename',
  'stage',
  'kind',
  'dueOn',
  'provisional',
  'state',
  'stateLabel',
  'metAt',
  'metOn',
  'stoppedAt',
  'workingDaysLeft',
  'extendedBy',
]);

function needsState(field: ResolveTree): boolean {
  if (field.name === 'complainant') {
    return fieldsOf(field, 'Complainant').some((f) => !SUMMARY_COMPLAINANT_FIELDS.has(f.name));
  }
  if (field.name === 'nextDeadline') {
    return fieldsOf(field, 'Deadline').some((f) => !STORED_DEADLINE_FIELDS.has(f.name));
  }
  return !SUMMARY_FIELDS.has(field.name);
}

function fieldsOf(tree: ResolveTree, typeName: string): ResolveTree[] {
  return Object.values(tree.fieldsByTypeName[typeName] ?? {});
}

function isResolveTree(value: object): value is ResolveTree {
  return 'fieldsByTypeName' in value && 'name' in value;
}
