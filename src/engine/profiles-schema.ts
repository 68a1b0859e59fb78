// The configuration of questionnaire profiles (SEMANTICS.md section 7): include/exclude answers and parents.
import { z } from 'zod';
import { checkUniqueNames, finite, name, type Obj, visitFields } from './schema-kit';

const answer = z.union([z.string(), finite(), z.boolean()]).transform((v) => String(v).trim());
/** Question (the header of its column) -> answers. */
const answers = z.record(z.string().trim().min(1), z.array(answer).min(1, 'list at least one answer'));

export const profileSchema = (obj: Obj) =>
  obj({
    name: name(),
    /** The profile this one narrows: the parent's lists apply too, so a child is never wider than its parent. */
    parent: z.string().trim().min(1).optional(),
    include: answers.default({}),
    exclude: answers.default({}),
    color: z.string().optional(),
    ...visitFields,
  });

export const profilesTypeSchema = (obj: Obj) =>
  obj({
    name: name(),
    kind: z.literal('profiles'),
    profiles: z.array(profileSchema(obj)).min(1, 'list at least one profile'),
  }).superRefine((t, ctx) => {
    checkUniqueNames(t.profiles, ctx, 'profiles', 'profile');
    const index = new Map(t.profiles.map((p, i) => [p.name.trim().toLowerCase(), i]));
    t.profiles.forEach((p, i) => {
      if (p.parent === undefined) return;
      if (!index.has(p.parent.toLowerCase())) {
        ctx.addIssue({ code: 'custom', path: ['profiles', i, 'parent'], message: `no profile is named "${p.parent}"` });
        return;
      }
      const path = [p.name];
      let at: number | undefined = i;
      const seen = new Set<number>([i]);
      while (at !== undefined) {
        const parent = t.profiles[at].parent;
        if (parent === undefined) return;
        const next = index.get(parent.toLowerCase());
        if (next === undefined) return;
        path.push(t.profiles[next].name);
        if (seen.has(next)) {
          ctx.addIssue({ code: 'custom', path: ['profiles', i, 'parent'], message: `the parents go round in a circle: ${path.join(' -> ')}` });
          return;
        }
        seen.add(next);
        at = next;
      }
    });
  });

export type ProfilesType = z.output<ReturnType<typeof profilesTypeSchema>>;
export type Profile = ProfilesType['profiles'][number];
