import { z } from './zod';
import { singleLine } from './text';
import { LANGUAGES, type Language } from './languages';

/** Pictograms the kiosk draws for a department's button (bundled, no network). */
export const DEPARTMENT_ICONS = ['child', 'welfare', 'tax', 'pension', 'resident', 'health', 'general'] as const;
export type DepartmentIcon = (typeof DEPARTMENT_ICONS)[number];

const translations = z.partialRecord(z.enum(LANGUAGES), singleLine().min(1).max(80));

export const DepartmentInput = z
  .object({
    code: z.string().regex(/^[a-z0-9-]{2,32}$/, 'lower-case letters, digits and hyphens'),
    name: singleLine().min(1).max(60),
    /** The name in the kiosk's other languages; Japanese is `name`. */
    nameTranslations: translations.default({}),
    icon: z.enum(DEPARTMENT_ICONS).default('general'),
  })
  .strict();
export type DepartmentInput = z.input<typeof DepartmentInput>;

/** `?includeInactive=true` lists deactivated departments too (the admin screen). */
export const DepartmentListQuery = z.object({ includeInactive: z.stringbool().default(false) }).strict();

export const DepartmentUpdate = DepartmentInput.partial().extend({ active: z.boolean().optional() }).strict();
export type DepartmentUpdate = z.input<typeof DepartmentUpdate>;

export interface Department {
  id: string;
  code: string;
  name: string;
  nameTranslations: Partial<Record<Language, string>>;
  icon: DepartmentIcon;
  active: boolean;
}
