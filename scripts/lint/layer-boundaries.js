// Package and layer boundaries, enforced by `npm run lint` (eslint's no-restricted-imports).
// Each entry names what a folder must not import and why; `import type` counts too, because a
// type import still ties one package's compilation to another's sources.
//
// A later config object replaces (does not merge) an earlier one's options for the same rule,
// so the domain's list repeats the server's.

/** A relative import that climbs out of its package into the named top-level folders. */
const climbsInto = (...folders) => `^(\\.\\./)+(${folders.join('|')})/`;

const server = [
  {
    regex: '^@madoguchi/(client|kiosk|call-core)(/|$)|^@(media|ui)/',
    message: 'The server never imports the web apps or the browser call core: share types through @madoguchi/contract.',
  },
  { regex: climbsInto('client', 'kiosk'), message: 'The server never imports the web apps: share types through @madoguchi/contract.' },
  {
    regex: '^(mediasoup|mediasoup-client)(/|$)',
    message: 'The server sees the media layer only through @madoguchi/sfu, never a mediasoup type.',
  },
];

const domain = [
  ...server,
  {
    regex: '^(\\.\\./)+(http|signalling)(/|$)|^(express|socket\\.io|@socket\\.io/.*)$',
    message: 'The domain never imports the HTTP or signalling layers: they call the domain, not the other way round.',
  },
];

export const layerBoundaries = [
  {
    files: ['server/contract/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!zod$|\\./)',
              message: 'The contract depends on zod alone: it is compiled into the server, the sfu and both web apps.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['sfu/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@madoguchi/(?!contract/media$)|^@(media|ui)/',
              message: 'The sfu imports only the contract\'s media types (@madoguchi/contract/media).',
            },
            { regex: climbsInto('server', 'client', 'kiosk'), message: 'The sfu is a package of its own: import its neighbours by package name.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: server }] },
  },
  {
    files: ['server/src/domain/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: domain }] },
  },
];
