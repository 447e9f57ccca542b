import { lazy, Suspense } from 'react';
import { guestLinkFromHash } from '../features/guest/guest-link';
import { common } from '../i18n/common-messages';
import { AuthGuard } from './auth-guard';
import { AuthProvider } from './auth-provider';

// The login page is all a first visit needs; the rest loads once it is wanted.
const SignedInApp = lazy(() => import('./signed-in-app').then((m) => ({ default: m.SignedInApp })));
const GuestPage = lazy(() => import('../features/guest/guest-page').then((m) => ({ default: m.GuestPage })));

const loading = (
  <p className="page-status" role="status">
    {common.loading}
  </p>
);

export function App() {
  // A guest link opens the guest page: no login, one call.
  const guest = guestLinkFromHash(window.location.hash);
  if (guest) {
    return (
      <Suspense fallback={loading}>
        <GuestPage consultationId={guest.consultationId} token={guest.token} />
      </Suspense>
    );
  }
  return (
    <AuthProvider>
      <AuthGuard>
        {(userId) => (
          <Suspense fallback={loading}>
            <SignedInApp userId={userId} />
          </Suspense>
        )}
      </AuthGuard>
    </AuthProvider>
  );
}
