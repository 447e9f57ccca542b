/** The contract's ChangePasswordRequest asks for at least 10 characters. */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordProblem = 'tooShort' | 'mismatch' | 'sameAsCurrent';

export interface PasswordChangeInput {
  current: string;
  next: string;
  repeat: string;
}

/** What is wrong with a new password before it is sent, or null. */
export function passwordProblem({ current, next, repeat }: PasswordChangeInput): PasswordProblem | null {
  if (next.length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (next !== repeat) return 'mismatch';
  if (next === current) return 'sameAsCurrent';
  return null;
}
