import { Router } from 'express';
import { deviceSecretMatches, parseDeviceCredential } from '../auth/device-credentials';
import type { TokenService } from '../auth/token-service';
import { KioskTokenRequest, type KioskTokenResponse } from '../contract/rest';
import type { KioskRepository } from '../db/repositories/kiosk-repository';
import { AppError } from '../domain/app-error';
import { createLogger } from '../logging/logger';
import { parseInput } from './validate';

const log = createLogger('kiosk-auth');

/** A kiosk trades its long-lived device credential for a short-lived access token. */
export function createKioskAuthRouter({ kiosks, tokens }: { kiosks: KioskRepository; tokens: TokenService }): Router {
  const router = Router();

  router.post('/token', async (req, res) => {
    const { credential } = parseInput(KioskTokenRequest, req.body);
    const parsed = parseDeviceCredential(credential);
    const kiosk = parsed ? await kiosks.findByIdWithCredentialHash(parsed.kioskId) : null;
    if (!parsed || !kiosk?.active || !kiosk.credentialHash || !deviceSecretMatches(parsed.secret, kiosk.credentialHash)) {
      log.info('kiosk credential refused');
      throw AppError.unauthenticated('this kiosk is not registered or its credential was revoked');
    }
    const { token, expiresInSeconds } = tokens.issueKiosk({ kind: 'kiosk', kioskId: kiosk.id });
    const body: KioskTokenResponse = {
      accessToken: token,
      expiresInSeconds,
      kiosk: { id: kiosk.id, name: kiosk.name, location: kiosk.location },
    };
    res.json(body);
  });

  return router;
}
