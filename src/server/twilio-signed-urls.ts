/**
 * The URLs a Twilio signature may have been computed over, for a request received at `requestUrl`.
 * Twilio signs the URL it was configured with: behind a proxy that is `publicUrl` (a base, to which the
 * request's path and query are appended) or what `X-Forwarded-Proto`/`X-Forwarded-Host` say. Twilio's
 * own helpers accept the URL with and without the default port; so does this.
 */
export function twilioSignedUrls(
  requestUrl: URL,
  options: {
    publicUrl?: string | undefined;
    forwardedProto?: string | undefined;
    forwardedHost?: string | undefined;
  },
): string[] {
  const pathAndQuery = `${requestUrl.pathname}${requestUrl.search}`;
  let url: URL;
  if (options.publicUrl) {
    const base = new URL(options.publicUrl);
    url = new URL(`${base.origin}${base.pathname.replace(/\/+$/, '')}${pathAndQuery}`);
  } else {
    url = new URL(requestUrl.href);
    const proto = options.forwardedProto?.split(',')[0]?.trim();
    const host = options.forwardedHost?.split(',')[0]?.trim();
    if (proto === 'http' || proto === 'https') url.protocol = `${proto}:`;
    if (host) {
      // Setting `url.host` without a port would keep the local one.
      const parsed = new URL(`${url.protocol}//${host}`);
      url.hostname = parsed.hostname;
      url.port = parsed.port;
    }
  }
  const variants = new Set<string>([url.href]);
  const defaultPort = url.protocol === 'https:' ? '443' : '80';
  if (url.port === '') variants.add(`${url.protocol}//${url.hostname}:${defaultPort}${pathAndQueryOf(url)}`);
  return [...variants];
}

function pathAndQueryOf(url: URL): string {
  return `${url.pathname}${url.search}`;
}
