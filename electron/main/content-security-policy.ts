/**
 * The renderer's Content-Security-Policy, sent as a header with every file the app:// protocol
 * serves. renderer/index.html carries the same policy in a meta tag (it also applies in browser
 * mode, where no header is set); a page obeys both, so the header repeats every directive of the
 * meta tag unchanged (a test compares them) and adds only what a meta tag cannot carry or what
 * restricts further: no plugins, no <base>, no form posts, no framing of the terminal.
 *
 * connect-src allows the central server (https in production, 127.0.0.1 in the demo) and the
 * browser-mode device host; scripts, workers and styles come from the app's own origin only.
 */
export const RENDERER_CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'img-src': ["'self'", 'data:'],
  'style-src': ["'self'", "'unsafe-inline'"],
  'connect-src': [
    "'self'",
    'https:',
    'http://127.0.0.1:*',
    'http://localhost:*',
    'ws://127.0.0.1:*',
  ],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
  'frame-ancestors': ["'none'"],
};

/** Directive map → header value: `default-src 'self'; script-src 'self'; …`. */
export function formatCsp(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(' '))
    .join('; ');
}

/** Header value → directive map (names lower-cased, sources in their order). */
export function parseCsp(policy: string): Record<string, readonly string[]> {
  const directives: Record<string, readonly string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives[name.toLowerCase()] = sources;
  }
  return directives;
}

export const RENDERER_CSP = formatCsp(RENDERER_CSP_DIRECTIVES);
