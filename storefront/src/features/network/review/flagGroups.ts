import type { ApplicationRowFragment } from '../../../gql/graphql';

export type Flag = ApplicationRowFragment['flags'][number];

export interface FlagGroup {
  code: Flag['code'];
  flags: Flag[];
  /** How many of the group concern registered organizations and other applications. */
  organizations: number;
  applications: number;
}

/**
 * Flags collapsed per code, in the order codes first appear: ten near-duplicate names are one
 * line («Похожие названия: 10 заявок») that expands to the list. A company flagged twice under
 * one code (e.g. both names resemble it) is listed once.
 */
export function groupFlags(flags: readonly Flag[]): FlagGroup[] {
  const groups = new Map<Flag['code'], FlagGroup>();
  for (const flag of flags) {
    let group = groups.get(flag.code);
    if (!group) {
      group = { code: flag.code, flags: [], organizations: 0, applications: 0 };
      groups.set(flag.code, group);
    }
    if (group.flags.some((seen) => seen.subjectId === flag.subjectId)) continue;
    group.flags.push(flag);
    if (flag.subject === 'ORGANIZATION') group.organizations += 1;
    else group.applications += 1;
  }
  return [...groups.values()];
}
