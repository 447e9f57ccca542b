import { z } from './zod';

/** C0 controls and DEL, except tab and line breaks; NUL among them (PostgreSQL refuses it in text). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
/** One-line fields also refuse tab and line breaks. */
// eslint-disable-next-line no-control-regex -- likewise
const LINE_CONTROLS = /[\u0000-\u001F\u007F]/;

/**
 * Every free text a client sends (names, notes, labels, messages, login ids) is built from
 * these two, so control characters are refused in one place, at the edge, for every field.
 */
export const singleLine = () => z.string().trim().refine((value) => !LINE_CONTROLS.test(value), 'control characters are not allowed');
export const multiLine = () => z.string().trim().refine((value) => !CONTROLS.test(value), 'control characters are not allowed');
/** Secrets are taken as typed (not trimmed), but never with control characters. */
export const secretText = () => z.string().refine((value) => !LINE_CONTROLS.test(value), 'control characters are not allowed');
