import type { Lang } from '../../shared/i18n/lang';

/**
 * The texts of ExportOutboxButton, in Russian and English. Kept beside the button (not in
 * i18n/messages.ts) until they are merged there; the type makes a text missing in one
 * language a compile error, as there.
 */
export type ExportOutboxTexts = {
  readonly button: string;
  readonly hint: string;
  readonly exported: (count: number, fileName: string) => string;
  readonly unreadable: (count: number) => string;
  readonly notRegistered: string;
  readonly nothingToExport: string;
  readonly failed: (reason: string) => string;
};

export const EXPORT_OUTBOX_TEXTS: Readonly<Record<Lang, ExportOutboxTexts>> = {
  ru: {
    button: 'Выгрузить неотправленные сообщения в файл',
    hint: 'Для магазина без связи: передайте файл менеджеру сети, он загрузит его на сервер. Сообщения остаются в очереди и уйдут повторно без двойного учёта, когда связь появится.',
    exported: (count, fileName) => `Сохранено сообщений: ${String(count)}. Файл: ${fileName}`,
    unreadable: (count) => `Не выгружено нечитаемых сообщений: ${String(count)}.`,
    notRegistered:
      'Терминал не зарегистрирован на сервере: файл нечем подписать. Сначала зарегистрируйте терминал.',
    nothingToExport: 'Неотправленных сообщений нет: выгружать нечего.',
    failed: (reason) => `Не удалось выгрузить сообщения: ${reason}`,
  },
  en: {
    button: 'Export unsent messages to a file',
    hint: 'For a store without a link: give the file to the chain’s manager, who imports it on the server. The messages stay queued and are sent again, without counting twice, when the link is back.',
    exported: (count, fileName) => `Messages saved: ${String(count)}. File: ${fileName}`,
    unreadable: (count) => `Unreadable messages left out: ${String(count)}.`,
    notRegistered:
      'This terminal is not registered with the server: there is no key to sign the file. Register it first.',
    nothingToExport: 'No unsent messages: nothing to export.',
    failed: (reason) => `The messages could not be exported: ${reason}`,
  },
};
