import { useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../api/api-error';
import { changePassword, fetchMe } from '../../api/auth-api';
import { loadAuth } from '../../api/auth-storage';
import { FormField } from '../../components/form-field';
import { Notice } from '../../components/notice';
import { useAuth } from '../../hooks/use-auth';
import { describeError } from '../../i18n/describe-error';
import { messages } from '../../i18n/messages';
import { shellMessages } from '../../i18n/shell-messages';
import { passwordProblem } from './password-rules';

const texts = shellMessages.changePassword;

// How the server may refuse a wrong current password.
const REFUSED: ReadonlySet<string> = new Set([ErrorCode.Unauthenticated, ErrorCode.Forbidden, ErrorCode.BadRequest]);

function failureText(error: unknown): string {
  return error instanceof ApiError && REFUSED.has(error.code) ? texts.wrongCurrent : describeError(error);
}

/** Shown instead of the app while the member still has an admin-issued temporary password. */
export function ChangePasswordPage() {
  const { auth, signIn, signOut, getToken } = useAuth();
  const [form, setForm] = useState({ current: '', next: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!auth) return null;
  const signedIn = auth;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const problem = passwordProblem(form);
    if (problem) return setError(texts[problem]);
    setBusy(true);
    setError(null);
    try {
      // Called directly, not through useApi: a wrong current password must not sign the member out.
      await changePassword({ currentPassword: form.current, newPassword: form.next }, { token: getToken() ?? undefined });
    } catch (caught) {
      setBusy(false);
      return setError(failureText(caught));
    }
    const user = await fetchMe({ token: getToken() ?? undefined }).catch(() => signedIn.user);
    // The tokens may have been renewed meanwhile, and a spent refresh token must never be put
    // back: take the newest saved login and only mark the password as done.
    const latest = loadAuth() ?? signedIn;
    signIn({ ...latest, user: { ...user, mustChangePassword: false } });
  }

  const set = (key: keyof typeof form) => (value: string) => setForm((prev) => ({ ...prev, [key]: value }));
  return (
    <main className="login">
      <form className="login__form" onSubmit={(event) => void submit(event)} noValidate>
        <p className="login__title">{messages.appTitle}</p>
        <h1 className="login__heading">{texts.heading}</h1>
        <p>{texts.intro}</p>
        {error ? <Notice tone="error" text={error} /> : null}
        <FormField label={texts.current} required>
          {(c) => <input {...c} type="password" autoComplete="current-password" value={form.current} onChange={(e) => set('current')(e.target.value)} />}
        </FormField>
        <FormField label={texts.next} hint={texts.hint} required>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={form.next} onChange={(e) => set('next')(e.target.value)} />}
        </FormField>
        <FormField label={texts.repeat} required>
          {(c) => <input {...c} type="password" autoComplete="new-password" value={form.repeat} onChange={(e) => set('repeat')(e.target.value)} />}
        </FormField>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? texts.submitting : texts.submit}
        </button>
        <button type="button" className="button button--secondary" onClick={() => signOut()}>
          {messages.header.logout}
        </button>
      </form>
    </main>
  );
}
