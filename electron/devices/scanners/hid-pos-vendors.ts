/**
 * Scanner makers we recognise by USB vendor id, and how each one's scanners are switched
 * into HID POS mode. Ids verified against public sources (cited per row); a maker whose id
 * could not be verified is left out rather than guessed (Zebex: see the note at the end).
 *
 * Switching modes is done by scanning a programming bar code from the model's manual: a
 * scanner in keyboard mode has no channel we could send a command on. The table carries
 * what to scan; the settings screen shows it.
 */
export type ScannerVendor = {
  readonly vendorId: number;
  readonly maker: string;
  /** Where the id was checked. */
  readonly idSource: string;
  readonly hidPosMode: HidPosModeSwitch;
};

export type HidPosModeSwitch = {
  /** What the cashier or installer does, in words for the settings screen. */
  readonly instruction: string;
  /** Where the programming bar code or command is documented. */
  readonly source: string;
  /**
   * A feature report some models want after opening in HID POS mode before they send
   * scans, or undefined. Sent once per open; a refusal is logged, never fatal.
   */
  readonly featureReportOnOpen: readonly number[] | undefined;
};

const HONEYWELL_MODE: HidPosModeSwitch = {
  instruction:
    'Scan the "HID POS" interface bar code in the scanner\'s user guide (terminal id 131), ' +
    'or program terminal id 131 with the menu command TERMID131.',
  source:
    'Honeywell user guides (1200g, 1300g, 1450g, 1900, Xenon 1500), "Terminal ID Table": ' +
    "USB HID POS = 131; Hand Held Products USB Interfaces User's Guide, HID POS Interface",
  // Feature report 254 "Redirect Output" with the interface number (1): needed when HID POS
  // is one interface of a composite keyboard + HID POS device, harmless otherwise ("add it
  // to the initialization sequence and ignore a possible error": same guide). The WebHID
  // library @point-of-sale/webhid-barcode-scanner sends the same bytes to Honeywell devices.
  featureReportOnOpen: [0xfe, 0x01],
};

export const SCANNER_VENDORS: readonly ScannerVendor[] = [
  {
    vendorId: 0x0c2e,
    maker: 'Honeywell (Metrologic)',
    idSource: 'usb.ids "0c2e Metro" (Metrologic scanners); Voyager 1400g is 0c2e:0b8f',
    hidPosMode: HONEYWELL_MODE,
  },
  {
    vendorId: 0x0536,
    maker: 'Honeywell (Hand Held Products)',
    idSource: 'USB vendor list: 1334 = 0x0536 "Hand Held Products (Welch Allyn, Inc.)"',
    hidPosMode: HONEYWELL_MODE,
  },
  {
    vendorId: 0x067e,
    maker: 'Honeywell (Intermec)',
    idSource: 'Intermec SG20 is 067e:0809 (learning-rust-usb-hid-barcode-scanner-server)',
    hidPosMode: { ...HONEYWELL_MODE, featureReportOnOpen: undefined },
  },
  {
    vendorId: 0x05e0,
    maker: 'Zebra (Symbol)',
    idSource: 'node-hid issue #255: "Symbol Bar Code Scanner (VID=0x05E0 PID=0x1300)"',
    hidPosMode: {
      instruction:
        'Scan the host-type bar code "USB HID POS (formerly known as Microsoft UWP USB)" in ' +
        "the model's Product Reference Guide (e.g. DS2208, DS4608, DS8178). Older firmware " +
        'may lack it; update with Zebra 123Scan.',
      source: 'Zebra Product Reference Guides, USB host types; Microsoft POS device support list',
      featureReportOnOpen: undefined,
    },
  },
  {
    vendorId: 0x05f9,
    maker: 'Datalogic (PSC)',
    idSource: 'HidLibrary issue #66: Datalogic Magellan 1100i VendorId 0x05F9',
    hidPosMode: {
      instruction:
        'Scan the "USB HID POS" interface-selection bar code in the Product Reference Guide.',
      source: 'Datalogic Product Reference Guides, interface selection',
      featureReportOnOpen: undefined,
    },
  },
  {
    vendorId: 0x080c,
    maker: 'Datalogic',
    idSource: 'usb.ids "080c Datalogic S.p.A." (Gryphon D120, M100)',
    hidPosMode: {
      instruction:
        'Scan the "USB HID POS" interface-selection bar code in the Product Reference Guide.',
      source: 'Datalogic Product Reference Guides, interface selection',
      featureReportOnOpen: undefined,
    },
  },
  {
    vendorId: 0x1eab,
    maker: 'Newland',
    idSource: 'lsusb: "1eab:0006 Fujian Newland Computer Co., Ltd NLS-EM20-80-TW USB CDC"',
    hidPosMode: {
      instruction:
        'Scan the "USB HID-POS" programming bar code in the scanner\'s user guide (USB ' +
        'interface settings).',
      source: 'Newland user guides, USB interface',
      featureReportOnOpen: undefined,
    },
  },
  // Zebex: its USB vendor id could not be confirmed from a public source here; a Zebex
  // scanner in HID POS mode is still found by its usage page, only without a maker name.
];

export function scannerVendor(vendorId: number): ScannerVendor | undefined {
  return SCANNER_VENDORS.find((v) => v.vendorId === vendorId);
}
