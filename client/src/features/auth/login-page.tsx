import { checkMessages } from '../../i18n/check-messages';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { ErrorCode } from '@madoguchi/contract/errors';
import { ApiError } from '../../api/api-error';
import { login } from '../../api/auth-api';
import { authFromLogin } from '../../api/auth-storage';
import { useAuth } from '../../hooks/use-auth';
import { LanguageSwitch } from '../../components/language-switch';
import { describeError } from '../../i18n/describe-error';
import { messages } from '../../i18n/messages';
import { shellMessages } from '../../i18n/shell-messages';

function loginErrorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 401 || error.code === ErrorCode.Unauthenticated) return messages.login.invalidCredentials;
    if (error.status === 400 || error.code === ErrorCode.BadRequest) return messages.login.invalidCredentials;
    if (error.code === ErrorCode.RateLimited) return describeError(error);
  }
  return messages.login.unavailable;
}

export function LoginPage() {
  const { signIn, signOutReason } = useAuth();
  const [loginId, setLoginId] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const ids = { loginId: useId(), password: useId(), error: useId() };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (submitting) return;
    setSubmitting(true);
    setError(null);
    try {
      signIn(authFromLogin(await login({ loginId: loginId.trim(), password })));
    } catch (caught) {
      setError(loginErrorText(caught));
      setSubmitting(false);
    }
  }

  const notice = error ?? signOutReason;
  return (
    <main className="login">
      <LanguageSwitch label={shellMessages.language.label} names={shellMessages.language} />
      <form className="login__form" onSubmit={(event) => void submit(event)} aria-describedby={notice ? ids.error : undefined}>
        <h1 className="login__title">{messages.appTitle}</h1>
        <h2 className="login__heading">{messages.login.heading}</h2>
        {notice ? (
          <p id={ids.error} className="login__error" role="alert">
            {notice}
          </p>
        ) : null}
        <label htmlFor={ids.loginId}>{messages.login.loginId}</label>
        <input
          id={ids.loginId}
          name="loginId"
          autoComplete="username"
          required
          value={loginId}
          onChange={(event) => setLoginId(event.target.value)}
        />
        <label htmlFor={ids.password}>{messages.login.password}</label>
        <input
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button button--primary" disabled={submitting}>
          {messages.login.submit}
        </button>
        {submitting ? <p className="login__progress" role="status">{messages.login.submitting}</p> : null}
      </form>
      <p className="login__check">
        <a href="#/check">{checkMessages.fromLogin}</a>
      </p>
    </main>
  );
}
