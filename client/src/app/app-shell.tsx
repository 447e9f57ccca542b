import { useEffect, useRef } from 'react';
import { AppHeader } from '../components/app-header';
import { LanguageSwitch } from '../components/language-switch';
import { ConsolePage } from '../features/consultations/console-page';
import { useAuth } from '../hooks/use-auth';
import { useHashRoute } from '../hooks/use-hash-route';
import { messages } from '../i18n/messages';
import { shellMessages } from '../i18n/shell-messages';
import { MainNavigation } from './main-navigation';
import { PageOutlet } from './page-outlet';
import { pageTitle } from './page-titles';
import type { Route } from './routes';

/** Changes of screen (not of a page's filters) move focus, so only these parts count. */
function screenKey(route: Route): string {
  if (route.name === 'consultation') return `consultation/${route.id}`;
  if (route.name === 'settings') return `settings/${route.section}`;
  if (route.name === 'slip') return `slip/${route.appointmentId}`;
  return route.name;
}

export function AppShell() {
  const { auth, signOut } = useAuth();
  const route = useHashRoute();
  const mainRef = useRef<HTMLElement>(null);
  const firstScreen = useRef(true);
  const key = screenKey(route);

  // A new screen: say so to screen readers by moving focus to the start of <main>.
  useEffect(() => {
    document.title = `${pageTitle(route)} | ${messages.appTitle}`;
    if (firstScreen.current) {
      firstScreen.current = false;
      return;
    }
    mainRef.current?.focus();
    // Keyed on the screen alone: a filter change must not pull focus away from the filter form.
  }, [key]);

  if (!auth) return null;
  const role = auth.user.role;
  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main-content"
        onClick={(event) => {
          event.preventDefault();
          mainRef.current?.focus();
        }}
      >
        {shellMessages.skipToMain}
      </a>
      <AppHeader
        title={messages.appTitle}
        userLabel={messages.header.signedInAs(auth.user.displayName)}
        logoutLabel={messages.header.logout}
        onLogout={() => signOut()}
        tools={<LanguageSwitch label={shellMessages.language.label} names={shellMessages.language} onDark />}
      >
        <MainNavigation current={route} role={role} />
      </AppHeader>
      <main id="main-content" className="shell__main" ref={mainRef} tabIndex={-1}>
        {/* The console stays mounted (only hidden) on other screens, so a call's audio and the queue keep running. */}
        <div hidden={route.name !== 'console'}>
          <ConsolePage />
        </div>
        {route.name === 'console' ? null : <PageOutlet route={route} role={role} />}
      </main>
    </div>
  );
}
