/** Languages of the terminal's texts. Russian is the default for a ru locale. */
export type Lang = 'ru' | 'en';

export const LANGS: readonly Lang[] = ['ru', 'en'];
