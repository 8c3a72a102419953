import { describe, expect, it } from 'vitest';
import { appStartUrl, parseShellOptions } from './shell-options';

describe('shell options come from the command line and environment', () => {
  it('starts windowed on the entry page by default', () => {
    expect(parseShellOptions(['/usr/bin/electron', '.'], {})).toEqual({
      kiosk: false,
      startUrl: 'app://terminal/index.html',
    });
  });

  it.each([
    [['--kiosk'], {}],
    [[], { LOYALTY_KIOSK: '1' }],
    [[], { LOYALTY_KIOSK: 'true' }],
    [[], { LOYALTY_KIOSK: ' Yes ' }],
  ])('kiosk from %j %j', (argv, env) => {
    expect(parseShellOptions(argv, env).kiosk).toBe(true);
  });

  it.each([[{ LOYALTY_KIOSK: '0' }], [{ LOYALTY_KIOSK: '' }], [{ LOYALTY_KIOSK: 'no' }]])(
    'no kiosk with %j',
    (env) => {
      expect(parseShellOptions([], env).kiosk).toBe(false);
    },
  );

  it('passes the demo’s server and one-time code to the start address', () => {
    const query = 'server=http%3A%2F%2F127.0.0.1%3A5181&code=K7Q2';
    expect(parseShellOptions(['.', `--terminal-query=${query}`], {}).startUrl).toBe(
      `app://terminal/index.html?${query}`,
    );
    expect(parseShellOptions([], { LOYALTY_TERMINAL_QUERY: query }).startUrl).toBe(
      `app://terminal/index.html?${query}`,
    );
  });

  it('keeps only the renderer’s start parameters', () => {
    expect(appStartUrl('db=t1&demo=500&evil=1&code=&x=%3Cscript%3E')).toBe(
      'app://terminal/index.html?db=t1&demo=500',
    );
  });
});
