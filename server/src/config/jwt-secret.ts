import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from './config';

/**
 * JWT_SECRET from the environment; outside production a random one is kept in the data dir
 * so logins survive a restart. (Production refuses to start without JWT_SECRET.)
 */
export function resolveJwtSecret(config: Pick<Config, 'jwtSecret' | 'dataDir' | 'env'>): string {
  if (config.jwtSecret) return config.jwtSecret;
  if (config.env === 'production') throw new Error('JWT_SECRET must be set in production');
  const file = path.join(config.dataDir, 'dev-jwt-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(config.dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
