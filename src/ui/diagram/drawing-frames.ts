import type { Box, Orientation } from './layout';

/*
 * Generated: each scenario's drawing frame (use-first-screen.ts, computeDrawingFrame), computed ahead
 * because computing it lays out every step of the scenario, which delayed the first screen on slow
 * phones. drawing-frames.test.ts checks it against the layout code and rewrites it with
 * UPDATE_DRAWING_FRAMES=1 npx vitest run src/ui/diagram/drawing-frames.test.ts
 */
export const DRAWING_FRAMES: Readonly<Record<string, Readonly<Record<Orientation, Box>>>> = {
  'enhanced-flow': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 660,
    },
  },
  'basic-flow': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 498,
      h: 660,
    },
  },
  'basic-flow-google': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 498,
      h: 660,
    },
  },
  'basic-flow-guest': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 498,
      h: 544,
    },
  },
  guest: {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 544,
    },
  },
  'jwt-to-api': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1008,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 317,
      h: 312,
    },
  },
  'scoped-api': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1008,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 366,
      h: 312,
    },
  },
  'machine-to-machine': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1008,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 384,
      h: 312,
    },
  },
  'google-direct': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 660,
    },
  },
  'google-via-user-pool': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 440,
      h: 776,
    },
  },
  saml: {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 660,
    },
  },
  'saml-via-user-pool': {
    horizontal: {
      x: -12,
      y: -4,
      w: 1026,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 440,
      h: 776,
    },
  },
  'sts-assume-role': {
    horizontal: {
      x: -4,
      y: 108,
      w: 1008,
      h: 172,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 352,
      h: 312,
    },
  },
  'sts-saml': {
    horizontal: {
      x: -4,
      y: 53,
      w: 1008,
      h: 375,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 405,
      h: 428,
    },
  },
  'sts-web-identity': {
    horizontal: {
      x: -4,
      y: 53,
      w: 1008,
      h: 375,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 462,
      h: 428,
    },
  },
  'sts-federation-token': {
    horizontal: {
      x: -4,
      y: 108,
      w: 1008,
      h: 172,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 380,
      h: 312,
    },
  },
  'sts-session-token': {
    horizontal: {
      x: -4,
      y: 108,
      w: 1008,
      h: 172,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 353,
      h: 312,
    },
  },
  'what-if-tampered-token': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1008,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 317,
      h: 312,
    },
  },
  'what-if-wrong-token': {
    horizontal: {
      x: -4,
      y: 108,
      w: 378,
      h: 212,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 318,
      h: 196,
    },
  },
  'what-if-expired': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 660,
    },
  },
  'what-if-guest-ssm': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1034,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 544,
    },
  },
  'what-if-wrong-secret': {
    horizontal: {
      x: -4,
      y: 108,
      w: 798,
      h: 121.5,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 272,
      h: 196,
    },
  },
  'what-if-guests-disabled': {
    horizontal: {
      x: -4,
      y: 200,
      w: 1008,
      h: 228,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 379,
      h: 428,
    },
  },
  'what-if-basic-flow-role-mappings': {
    horizontal: {
      x: -4,
      y: 240,
      w: 588,
      h: 80,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 333,
      h: 196,
    },
  },
  'what-if-client-secret-in-browser': {
    horizontal: {
      x: -4,
      y: 108,
      w: 378,
      h: 212,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 318,
      h: 196,
    },
  },
  'what-if-forgotten-password': {
    horizontal: {
      x: -44,
      y: 108,
      w: 418,
      h: 212,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 412,
      h: 196,
    },
  },
  'what-if-pre-token-generation': {
    horizontal: {
      x: -4,
      y: 108,
      w: 378,
      h: 212,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 318,
      h: 196,
    },
  },
  'attack-other-client': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1008,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 327,
      h: 428,
    },
  },
  'attack-alg-none': {
    horizontal: {
      x: -4,
      y: 108,
      w: 588,
      h: 212,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 317,
      h: 312,
    },
  },
  'attack-forged-sigv4': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 544,
    },
  },
  'attack-stolen-credentials': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 544,
    },
  },
  'attack-missing-aud': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 482,
      h: 660,
    },
  },
  'attack-saml-replay': {
    horizontal: {
      x: -4,
      y: 53,
      w: 1008,
      h: 375,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 405,
      h: 428,
    },
  },
  'attack-saml-tampered': {
    horizontal: {
      x: -4,
      y: 62.5,
      w: 1008,
      h: 365.5,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 405,
      h: 428,
    },
  },
  'attack-saml-wrapped': {
    horizontal: {
      x: -4,
      y: 62.5,
      w: 1008,
      h: 365.5,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 405,
      h: 428,
    },
  },
  'after-sign-out': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 450,
      h: 776,
    },
  },
  'abac-departments': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 430,
      h: 660,
    },
  },
  'admin-api-backend': {
    horizontal: {
      x: -89.5,
      y: 108,
      w: 1093.5,
      h: 320,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 453,
      h: 544,
    },
  },
  'why-not-direct-web-identity': {
    horizontal: {
      x: -4,
      y: 53,
      w: 1008,
      h: 375,
    },
    vertical: {
      x: -4,
      y: -32,
      w: 472,
      h: 572,
    },
  },
  'central-server-session-keys': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 363,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 398,
      h: 544,
    },
  },
  'developer-authenticated-identities': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1018,
      h: 432,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 456,
      h: 660,
    },
  },
  'sync-conflict-two-devices': {
    horizontal: {
      x: -4,
      y: -4,
      w: 1034,
      h: 324,
    },
    vertical: {
      x: -4,
      y: -4,
      w: 450,
      h: 776,
    },
  },
};
