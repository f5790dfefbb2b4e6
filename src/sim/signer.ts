/**
 * The engine's second public entry (after `index.ts`): the SigV4 signer that clients use to call the
 * simulated cloud with AWS credentials, as an app uses its SDK's signer. It produces what the AWS SDK
 * v3 signer (@smithy/signature-v4) produces for the same input, header or presigned form, so the
 * engine verifies it exactly as it verifies the SDK's requests.
 *
 * Clients (the player, the Cognito Sync and AppSync device clients) import the signer from here and
 * nothing else below `src/sim` but `index.ts`; the lint rules in biome.json keep it that way.
 *
 * @example
 * import { signRequest } from '../sim/signer';
 * const signed = await signRequest(new Request('https://sts.amazonaws.com/', { method: 'POST', body }),
 *   credentials, { service: 'sts', region: 'us-east-1', now: clock() });
 */
export { type SigningCredentials, type SignOptions, signRequest } from './sigv4/sign-request';
