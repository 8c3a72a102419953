import type { UnsignedExportFile } from '../sync/export-file';
import { outboxMessageSchema } from '../sync/outbox-message';

/**
 * A known answer for export files, checked in Node (shared/sync/export-signature.test.ts) and
 * in Chromium (renderer/sync/export-outbox.browser.test.ts), so both runtimes are shown to
 * sign the same bytes the same way. The expected values were computed outside this code:
 *
 *   python3 -c "import json,sys; d=json.load(open('unsigned.json')); sys.stdout.write(
 *     json.dumps(d, sort_keys=True, separators=(',',':'), ensure_ascii=True))" > signed.txt
 *   openssl dgst -sha256 -hmac "$EXPORT_KEY" -binary < signed.txt | basenc --base64url | tr -d =
 */
export const VECTOR_EXPORT_KEY = 'xTKglUKn56J-PTOyVutDxGJ4EuLuzkmK0w5jKgFHVPM';

export const VECTOR_SIGNATURE = '-NMFGI5-YnFi_xYD78zmgcPsRFZKbY2Sj4T3RkdVDYc';

/** An enrolment with a Cyrillic name (escaped in the signed text) and unsorted members. */
export const VECTOR_FILE: UnsignedExportFile = {
  format: 'loyalty-outbox',
  version: 1,
  terminalId: 'T1',
  storeId: 'S1',
  exportedAt: 1767603840000,
  messages: [
    outboxMessageSchema.parse({
      id: '019b8cf4-9d80-7507-9941-7b219062da78',
      operation: 'enrolment',
      terminalId: 'T1',
      storeId: 'S1',
      createdAt: 1767596400000,
      entries: [
        {
          id: '019b8cf4-9d80-7506-a1da-7bcb522509b0',
          customerId: '019b8cf4-9d80-7505-8143-e5b7e3e18531',
          stamp: '001767596400000-00001-T1',
          at: 1767596400000,
          terminalId: 'T1',
          storeId: 'S1',
          cashierId: 'C1',
          programVersion: 1,
          kind: 'bonus',
          bonus: 'welcome',
          points: 200,
          availableAt: 1767596400000,
          expiresAt: 1775372400000,
          uniqueKey: 'welcome:019b8cf4-9d80-7505-8143-e5b7e3e18531',
        },
      ],
      customers: [
        {
          id: '019b8cf4-9d80-7505-8143-e5b7e3e18531',
          name: 'Анна Петрова',
          phone: '79161234567',
          birthday: null,
          email: null,
          marketingConsent: false,
          referrerId: null,
          clubMemberUntil: null,
          enrolledAt: 1767596400000,
          enrolledStoreId: 'S1',
          fieldStamps: {},
        },
      ],
      cards: [
        {
          number: '2900500000001',
          customerId: '019b8cf4-9d80-7505-8143-e5b7e3e18531',
          kind: 'plastic',
          state: 'active',
          blockReason: null,
          replacedBy: null,
          issuedAt: 1767596400000,
          stamp: '001767596400000-00000-T1',
        },
      ],
    }),
  ],
};

/** The canonical text of VECTOR_FILE (what is signed), as Python wrote it. */
export const VECTOR_SIGNED_TEXT =
  '{"exportedAt":1767603840000,"format":"loyalty-outbox","messages":[{"cards":[{"blockReason":null,"customerId":"019b8cf4-9d80-7505-8143-e5b7e3e18531","issuedAt":1767596400000,"kind":"plastic","number":"2900500000001","replacedBy":null,"stamp":"001767596400000-00000-T1","state":"active"}],"createdAt":1767596400000,"customers":[{"birthday":null,"clubMemberUntil":null,"email":null,"enrolledAt":1767596400000,"enrolledStoreId":"S1","fieldStamps":{},"id":"019b8cf4-9d80-7505-8143-e5b7e3e18531","marketingConsent":false,"name":"\\u0410\\u043d\\u043d\\u0430 \\u041f\\u0435\\u0442\\u0440\\u043e\\u0432\\u0430","phone":"79161234567","referrerId":null}],"entries":[{"at":1767596400000,"availableAt":1767596400000,"bonus":"welcome","cashierId":"C1","customerId":"019b8cf4-9d80-7505-8143-e5b7e3e18531","expiresAt":1775372400000,"id":"019b8cf4-9d80-7506-a1da-7bcb522509b0","kind":"bonus","points":200,"programVersion":1,"stamp":"001767596400000-00001-T1","storeId":"S1","terminalId":"T1","uniqueKey":"welcome:019b8cf4-9d80-7505-8143-e5b7e3e18531"}],"id":"019b8cf4-9d80-7507-9941-7b219062da78","operation":"enrolment","storeId":"S1","terminalId":"T1"}],"storeId":"S1","terminalId":"T1","version":1}';
