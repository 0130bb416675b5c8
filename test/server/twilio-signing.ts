import { createHmac } from 'node:crypto';

/** Signs a webhook as Twilio does: base64 HMAC-SHA1 of the URL then each field name and value, sorted by name. */
export function signTwilio(authToken: string, url: string, params: Record<string, string>): string {
  const data =
    url +
    Object.keys(params)
      .sort()
      .map((key) => `${key}${params[key]}`)
      .join('');
  return createHmac('sha1', authToken).update(data, 'utf8').digest('base64');
}

/** POSTs a signed Twilio-shaped form webhook. `signedUrl` is what Twilio was configured with. */
export async function postTwilio(
  serverUrl: string,
  path: string,
  params: Record<string, string>,
  options: { authToken: string; signedUrl?: string; signature?: string; headers?: Record<string, string> },
): Promise<Response> {
  const signature =
    options.signature ?? signTwilio(options.authToken, options.signedUrl ?? `${serverUrl}${path}`, params);
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-twilio-signature': signature,
      ...options.headers,
    },
    body: new URLSearchParams(params).toString(),
  });
}
