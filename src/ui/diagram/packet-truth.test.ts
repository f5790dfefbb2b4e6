import { describe, expect, it } from 'vitest';
import { createPlayer } from '../../player/create-player';
import { SCENARIOS } from '../../scenarios/catalog';
import { createCloud } from '../../sim/index';
import { packetWords } from './packet-words';

const JWT = /eyJ[A-Za-z0-9_-]+\.eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

/** The `token_use` of every user pool token in the text ("id", "access"). */
function tokenUses(text: string): string[] {
  return [...text.matchAll(JWT)].flatMap((m) => {
    try {
      const part = (m[0].split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/');
      const use = (JSON.parse(atob(part)) as { token_use?: unknown }).token_use;
      return typeof use === 'string' ? [use] : [];
    } catch {
      return [];
    }
  });
}

/**
 * The words on a packet say what the request really carried: where they name the ID token or the access
 * token, the request played by the engine holds a user pool token of that kind, and where they name one,
 * not the other. A label that said "ID token" while the scoped API lesson sent the access token is how
 * this test came about.
 */
describe('packet words against the requests and answers the engine saw', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.id}: every packet that names a token carries that token`, async () => {
      const player = createPlayer({ scenario, createCloud });
      await player.seek(scenario.steps.length);
      const wrong: string[] = [];
      for (const entry of player.getSnapshot().entries) {
        const step = scenario.steps[entry.index];
        const request = entry.request;
        if (!step || !request) continue;
        const refused = entry.outcome !== 'success' && entry.outcome !== 'off-wire';
        const words = packetWords(step, refused, request.body).out;
        const sent = tokenUses(`${JSON.stringify(request.headers)} ${request.url} ${request.body ?? ''}`);
        const claims = [
          /\bID token\b/.test(words) ? 'id' : '',
          /\baccess token\b/.test(words) ? 'access' : '',
        ].filter(Boolean);
        for (const use of claims)
          if (!sent.includes(use)) wrong.push(`${step.id}: "${words}" but sent [${sent}]`);
        if (/password/.test(words) && !/password/i.test(request.body ?? ''))
          wrong.push(`${step.id}: "${words}" but no password in the request`);
        // The answer's words, where they name what came back.
        const back = packetWords(step, refused, request.body).back;
        const answer = entry.response?.body ?? '';
        const carries = (...names: string[]) => names.some((n) => answer.includes(n));
        const backOk =
          back === 'ID, access, refresh tokens'
            ? carries('IdToken', 'id_token') &&
              carries('AccessToken', 'access_token') &&
              carries('RefreshToken', 'refresh_token')
            : back.includes('challenge')
              ? carries('ChallengeName')
              : back === 'credentials'
                ? carries('Credentials')
                : true;
        if (!backOk) wrong.push(`${step.id}: answer "${back}" but got ${answer.slice(0, 80)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
