/**
 * HID POS scanned-data reports of real scanner models, as hex (64 bytes each, report id
 * first, as node-hid delivers them). Test data for hid-pos-report.ts and the assembler.
 * Each entry says where its bytes come from; "recorded" means the bytes were captured from a
 * device and published, "documented" means a vendor's manual prints the report byte by byte.
 */
export type HidPosFixture = {
  readonly name: string;
  readonly model: string;
  readonly provenance: 'recorded' | 'documented' | 'constructed';
  readonly source: string;
  readonly reports: readonly string[];
  /** The scans the reports make, in order. */
  readonly scans: readonly { readonly code: string; readonly symbology: string | undefined }[];
};

/**
 * Honeywell Voyager 1602g in HID POS mode answering the menu command REVINF. over USB HID.
 * Source: github.com/HenkVanAsselt/python_hon_usbhid, README.md ("Data received: [...]",
 * decimal bytes as read with hidapi on Windows; converted to hex here, byte for byte).
 * Six reports of one message with AIM `]X0`, the first five with the continued bit (byte 63
 * = 1) and 56 data bytes, the sixth with 9; then a separate one-report message `]Z6`
 * (the command echoed with ACK 0x06). Byte 61 is Honeywell's code id.
 */
export const VOYAGER_1602G_REVINF: HidPosFixture = {
  name: 'Voyager 1602g REVINF: six continued reports, then one single report',
  model: 'Honeywell Voyager 1602g',
  provenance: 'recorded',
  source: 'github.com/HenkVanAsselt/python_hon_usbhid README.md',
  reports: [
    '02385d583050726f64756374204e616d653a20566f79616765722031363032670d0a426f6f74205265766973696f6e3a203a20383939320d0a536f66743f0001',
    '02385d5830776172652050617274204e756d6265723a2043573030303038324242410d0a536f667477617265205265766973696f6e3a202450726f6a653f0001',
    '02385d583063745265766973696f6e3a203136333435200d0a53657269616c204e756d6265723a20313532333242314630430d0a537570706f727465643f0001',
    '02385d58302049463a20426c7565746f6f74680d0a50434220417373656d626c792049443a203030303030300d0a456e67696e65204669726d776172653f0001',
    '02385d583020547970653a204e2f412020205265766973696f6e3a204e2f4120202053657269616c204e756d6265723a204e2f41202020436865636b733f0001',
    '02095d5830756d3a204e2f410d0a00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000003f0000',
    '02085d5a36524556494e46062e000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000360000',
  ],
  scans: [
    {
      code:
        'Product Name: Voyager 1602g\r\nBoot Revision: : 8992\r\nSoftware Part Number: CW000082BBA\r\n' +
        'Software Revision: $ProjectRevision: 16345 \r\nSerial Number: 15232B1F0C\r\n' +
        'Supported IF: Bluetooth\r\nPCB Assembly ID: 000000\r\n' +
        'Engine Firmware Type: N/A   Revision: N/A   Serial Number: N/A   Checksum: N/A\r\n',
      symbology: ']X0',
    },
    { code: 'REVINF\u0006.', symbology: ']Z6' },
  ],
};

/**
 * Access-IS LSR118 (also LSR116, ATR110; Honeywell-layout HID POS engine) reading a 60-byte
 * IATA boarding pass as QR (`]Q0`, vendor code id `s`): two reports, the first with 56 bytes
 * and the continued bit, the second with 4. Source: Access-IS "LSR118 Product Manual" rev 1.2
 * (2020), appendix B.1.1 "Example HID input reports, as sent by the device" (same example in
 * the LSR110/LSR116 and ATR110 manuals). The manual prints the data as text; its PDF text
 * collapses runs of spaces, so the data is laid out by the IATA BCBP mandatory fields it
 * holds (name field padded to 20 characters), which makes the first report exactly the 56
 * bytes its length byte says and ends it with the two 0x20 the manual prints as hex.
 */
export const ACCESS_IS_LSR118_BOARDING_PASS: HidPosFixture = {
  name: 'Access-IS LSR118 boarding pass: 56 + 4 bytes over two reports',
  model: 'Access-IS LSR118',
  provenance: 'documented',
  source: 'Access-IS LSR118 Product Manual rev 1.2, appendix B.1.1',
  reports: [
    '02385d51304d31474154484552474f4f442f4d49434841454c202059414243444546204c4852445552414b203335343220303532593030334432332020730001',
    '02045d51302031303000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000730000',
  ],
  scans: [
    {
      code: 'M1GATHERGOOD/MICHAEL  YABCDEF LHRDURAK 3542 052Y003D23   100',
      symbology: ']Q0',
    },
  ],
};

/**
 * A loyalty card's EAN-13 as one report, built byte by byte to the layout of Hand Held
 * Products' "USB Interfaces User's Guide" (HID POS Interface, "Getting Scanned Data") with
 * Honeywell's code id `d` for EAN-13. Not recorded: no published capture of a one-report
 * EAN-13 was found; it is here for the common case, and says so.
 */
export const HONEYWELL_LAYOUT_EAN13: HidPosFixture = {
  name: 'EAN-13 card number in one report (constructed to the Honeywell layout)',
  model: 'Honeywell HID POS layout',
  provenance: 'constructed',
  source: "Hand Held Products USB Interfaces User's Guide, HID POS Interface",
  reports: [
    '020d5d45303436303730303132333435363500000000000000000000000000000000000000000000000000000000000000000000000000000000000000640000',
  ],
  scans: [{ code: '4607001234565', symbology: ']E0' }],
};

export const HID_POS_FIXTURES: readonly HidPosFixture[] = [
  VOYAGER_1602G_REVINF,
  ACCESS_IS_LSR118_BOARDING_PASS,
  HONEYWELL_LAYOUT_EAN13,
];

export function hexToBytes(hex: string): Uint8Array {
  if (hex.length % 2 !== 0 || !/^[0-9a-f]*$/i.test(hex)) throw new Error(`bad hex: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
