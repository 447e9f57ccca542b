import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from '../../../../server/src/config/config';

describe('loadConfig', () => {
  it('gives working defaults for a local demo', () => {
    const config = loadConfig({});
    assert.equal(config.port, 3000);
    assert.equal(config.databaseUrl, undefined);
    assert.equal(config.media.listenIp, '127.0.0.1');
    assert.ok(Object.isFrozen(config));
  });

  it('refuses to start in production without JWT_SECRET', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production' }), ConfigError);
  });

  it('refuses production with demo passwords or placeholder secrets', () => {
    const secret = 'q3J9x0vLw8mZp2Rt6Yb1Nc4Hd7Fg5Ks0Ae9Ui3Oy6';
    assert.throws(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret }), /DEMO_SEED/);
    assert.throws(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'changeme-changeme-changeme-changeme', DEMO_SEED: 'false' }), /placeholder/);
    assert.equal(loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_SEED: 'false', METRICS_TOKEN: 'metrics-token-0123456789' }).env, 'production');
  });

  it('refuses production without METRICS_TOKEN, and takes the Redis prefix from REDIS_PREFIX (issue 12, item 12)', () => {
    const secret = 'q3J9x0vLw8mZp2Rt6Yb1Nc4Hd7Fg5Ks0Ae9Ui3Oy6';
    assert.throws(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: secret, DEMO_SEED: 'false' }), /METRICS_TOKEN/);
    assert.equal(loadConfig({}).redisPrefix, 'madoguchi');
    assert.equal(loadConfig({ REDIS_PREFIX: 'town-a' }).redisPrefix, 'town-a');
    assert.throws(() => loadConfig({ REDIS_PREFIX: 'has space' }), ConfigError);
  });

  it('lets a town prefer H.264 for its kiosks\' hardware encoders (issue 16, item 4)', () => {
    assert.equal(loadConfig({}).media.videoCodec, 'vp8');
    assert.equal(loadConfig({ MEDIA_VIDEO_CODEC: 'h264' }).media.videoCodec, 'h264');
    assert.throws(() => loadConfig({ MEDIA_VIDEO_CODEC: 'av1' }), /MEDIA_VIDEO_CODEC/);
  });

  it('treats an empty variable as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '', REDIS_URL: '' }).databaseUrl, undefined);
  });

  it('says which variable is wrong', () => {
    assert.throws(() => loadConfig({ PORT: 'eighty' }), (e: unknown) => e instanceof ConfigError && e.message.includes('PORT'));
    assert.throws(() => loadConfig({ MEDIA_LISTEN_IP: 'not-an-ip' }), /MEDIA_LISTEN_IP/);
  });

  it('needs every node of a production cluster to have its own PUBLIC_URL', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: 'q3J9x0vLw8mZp2Rt6Yb1Nc4Hd7Fg5Ks0Ae9Ui3Oy6', DEMO_SEED: 'false', METRICS_TOKEN: 'metrics-token-0123456789', REDIS_URL: 'redis://redis:6379' };
    assert.throws(() => loadConfig(production), /PUBLIC_URL/);
    assert.equal(loadConfig({ ...production, PUBLIC_URL: 'https://madoguchi-2.city.example' }).publicUrl, 'https://madoguchi-2.city.example');
  });

  it('reads the per-worker participant limit', () => {
    assert.equal(loadConfig({}).media.peersPerWorker, 100);
    assert.equal(loadConfig({ SFU_PEERS_PER_WORKER: '40' }).media.peersPerWorker, 40);
    assert.throws(() => loadConfig({ SFU_PEERS_PER_WORKER: '0' }), /SFU_PEERS_PER_WORKER/);
  });

  it('needs an announced address when media listens on every interface', () => {
    assert.throws(() => loadConfig({ MEDIA_LISTEN_IP: '0.0.0.0' }), /MEDIA_ANNOUNCED_IP/);
    assert.equal(loadConfig({ MEDIA_LISTEN_IP: '0.0.0.0', MEDIA_ANNOUNCED_IP: '192.0.2.10' }).media.announcedIp, '192.0.2.10');
  });
});
