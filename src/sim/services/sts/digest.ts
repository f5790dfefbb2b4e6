/** Base64(SHA-1(text)): how STS derives a SAML session's NameQualifier (STS API reference, AssumeRoleWithSAML). */
export async function sha1Base64(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text)));
  let binary = '';
  for (const b of digest) binary += String.fromCharCode(b);
  return btoa(binary);
}
