/**
 * Message catalogs as data. Each web app keeps its words in JSON files, one per language and area;
 * a message that takes values is a template with named placeholders (`"{name} さん"`). The app
 * describes once, in TypeScript, which messages take values and in which order
 * (`{ header: { signedInAs: ['name'] } }`), and `bindMessages` turns a language's JSON into the
 * typed object the screens call (`messages.header.signedInAs('山田')`). Zod-free and tiny: the
 * kiosk and the booking page load it on their first screen.
 */

type AnyFunction = (...args: never[]) => unknown;

/** One value per parameter, named for the placeholder that shows it. */
type ParamNames<A extends readonly unknown[]> = { readonly [I in keyof A]: string };

/**
 * How a message that takes values is made from its JSON: the names of its placeholders in the
 * order of its parameters, or a function that builds it from its JSON value (plural forms,
 * look-ups by code) for the few that need more than filling in.
 */
// `any` for the JSON value: each builder names the shape it reads (a template, a record of them).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Builder<F> = F extends (...args: infer A) => infer R ? (R extends string ? ParamNames<A> : never) | ((text: any, ...args: A) => R) : never;

/** True when T is a function or holds one somewhere inside. */
type HoldsFunction<T> = T extends AnyFunction
  ? true
  : T extends object
    ? true extends { [K in keyof T]-?: HoldsFunction<T[K]> }[keyof T]
      ? true
      : false
    : false;

/** For every message that takes values (and only those), how it is built: a missing one does not compile. */
export type MessageSpec<T> = {
  readonly [K in keyof T as HoldsFunction<T[K]> extends true ? K : never]-?: T[K] extends AnyFunction ? Builder<T[K]> : MessageSpec<T[K]>;
};

/** The JSON side of a catalog: its texts, with a message that takes values as whatever its builder reads. */
export type Texts<T> = T extends AnyFunction
  ? unknown
  : T extends string
    ? string
    : T extends readonly unknown[]
      ? readonly Texts<T[number]>[]
      : { readonly [K in keyof T]: Texts<T[K]> };

/**
 * Compile-time check that a language has exactly the keys of the Japanese catalog, all the way
 * down: `SameKeys<typeof ja, typeof en>` is `true`, or names the path that differs.
 */
export type SameKeys<A, B> = A extends string
  ? B extends string
    ? true
    : 'not text'
  : A extends readonly unknown[]
    ? B extends readonly unknown[]
      ? true
      : 'not a list'
    : [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never]
      ? { [K in keyof A & keyof B]: SameKeys<A[K], B[K]> } extends Record<keyof A & keyof B, true>
        ? true
        : { [K in keyof A & keyof B]: SameKeys<A[K], B[K]> }
      : { missing: Exclude<keyof A, keyof B>; extra: Exclude<keyof B, keyof A> };

/** Each language's keys against Japanese: `unknown` where they agree, the difference where they do not. */
type AgreeWithJapanese<C extends { ja: unknown }> = {
  [L in keyof C]: SameKeys<C['ja'], C[L]> extends true ? unknown : SameKeys<C['ja'], C[L]>;
};

/**
 * The JSON texts of every language, returned as they are; a language with a key more or less than
 * the Japanese file, at any depth, does not compile (the error names the keys).
 */
export function sameKeysAsJapanese<C extends { ja: unknown }>(catalogs: C & AgreeWithJapanese<C>): C {
  return catalogs;
}

const PLACEHOLDER = /\{(\w+)\}/g;

/** What a placeholder shows for a value that is not known (null): a round trip not yet measured. */
const UNKNOWN_VALUE = '—';

/**
 * Fills `{name}` placeholders. A value that is null shows as a dash; an unknown name is left as it
 * stands, so a wrong name shows on screen and fails the catalogs' tests instead of vanishing.
 */
export function fill(template: string, values: Readonly<Record<string, unknown>>): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    if (!(name in values)) return whole;
    const value = values[name];
    return value === null || value === undefined ? UNKNOWN_VALUE : String(value);
  });
}

/** The placeholders a template uses (for the catalogs' unit test). */
export function placeholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}

function build(texts: unknown, spec: unknown): unknown {
  if (Array.isArray(spec)) {
    const names = spec as readonly string[];
    const template = String(texts);
    return (...args: unknown[]) => fill(template, Object.fromEntries(names.map((name, index) => [name, args[index]])));
  }
  if (typeof spec === 'function') return (...args: unknown[]) => (spec as (text: unknown, ...rest: unknown[]) => unknown)(texts, ...args);
  const built: Record<string, unknown> = { ...(texts as Record<string, unknown>) };
  for (const [key, inner] of Object.entries(spec as Record<string, unknown>)) built[key] = build(built[key], inner);
  return built;
}

/**
 * One language's messages from its JSON texts. The JSON's keys are checked against the Japanese
 * file at compile time (`sameKeysAsJapanese`) and every message's values by the apps' catalog tests.
 */
export function bindMessages<T>(texts: Texts<T>, spec: MessageSpec<T>): T {
  return build(texts, spec) as T;
}

/** Every language bound at once, for the pages that switch language without a reload (kiosk, booking). */
export function bindLanguages<T, L extends string>(texts: Record<L, Texts<T>>, spec: MessageSpec<T>): Record<L, T> {
  const entries = Object.entries<Texts<T>>(texts).map(([language, text]) => [language, bindMessages(text, spec)]);
  return Object.fromEntries(entries) as Record<L, T>;
}
