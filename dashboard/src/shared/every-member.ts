/**
 * A list of every member of a union the server defines, written out in the dashboard so no
 * server code is bundled, yet checked by the compiler against the server's type: a name the
 * server does not know, or one it added that the list lacks, fails the build and names it.
 *
 *   export const POLICIES = everyMember<PolicyName>()(['step', 'target-tracking', 'predictive', 'none']);
 */
export function everyMember<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
}
