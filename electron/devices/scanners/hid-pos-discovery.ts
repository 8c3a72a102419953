import type { ScannerVendor } from './hid-pos-vendors';
import { scannerVendor } from './hid-pos-vendors';

/** USB HID usage page "Bar Code Scanner" (HID Point of Sale Usage Tables 1.02, chapter 3). */
export const HID_POS_USAGE_PAGE = 0x8c;

/**
 * What node-hid's `devices()` reports of one HID top-level collection (hidapi 0.14 lists a
 * device once per collection, with that collection's usage page and usage). Our own type:
 * node-hid's typings are loose, and tests build these by hand.
 */
export type HidDeviceInfo = {
  readonly vendorId: number;
  readonly productId: number;
  readonly path?: string | undefined;
  readonly serialNumber?: string | undefined;
  readonly manufacturer?: string | undefined;
  readonly product?: string | undefined;
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
  readonly interface: number;
};

/** A HID POS scanner interface we can open. */
export type HidPosCandidate = {
  /**
   * Stable across re-plugging (the hidraw path is not): vendor, product, serial number and
   * interface. Two scanners of one model without serial numbers share a key; the first one
   * listed is opened (documented limitation).
   */
  readonly key: string;
  readonly path: string;
  readonly name: string;
  readonly vendorId: number;
  readonly productId: number;
  readonly vendor: ScannerVendor | undefined;
};

/** A scanner of a known maker that is attached but not in HID POS mode (keyboard, serial). */
export type ScannerNeedingHidPosMode = {
  readonly name: string;
  readonly vendor: ScannerVendor;
  readonly productId: number;
};

export type HidPosDiscovery = {
  readonly scanners: readonly HidPosCandidate[];
  readonly needHidPosMode: readonly ScannerNeedingHidPosMode[];
};

/**
 * Picks the HID POS scanners out of everything HID on the machine. The usage page decides,
 * not the vendor: any maker's scanner in HID POS mode is found, and a known maker's scanner
 * whose collections are all keyboard ones is listed as needing its mode switched (one entry
 * per product, whatever its number of interfaces). Entries without a path cannot be opened
 * and are left out.
 */
export function discoverHidPosScanners(devices: readonly HidDeviceInfo[]): HidPosDiscovery {
  const scanners: HidPosCandidate[] = [];
  const seen = new Set<string>();
  for (const device of devices) {
    if (device.usagePage !== HID_POS_USAGE_PAGE || device.path === undefined) continue;
    const key = hidPosKey(device);
    if (seen.has(key)) continue;
    seen.add(key);
    const vendor = scannerVendor(device.vendorId);
    scanners.push({
      key,
      path: device.path,
      name: displayName(device, vendor),
      vendorId: device.vendorId,
      productId: device.productId,
      vendor,
    });
  }
  const withHidPos = new Set(
    devices
      .filter((d) => d.usagePage === HID_POS_USAGE_PAGE)
      .map((d) => productKey(d.vendorId, d.productId)),
  );
  const needHidPosMode: ScannerNeedingHidPosMode[] = [];
  const listed = new Set<string>();
  for (const device of devices) {
    const vendor = scannerVendor(device.vendorId);
    const product = productKey(device.vendorId, device.productId);
    if (vendor === undefined || withHidPos.has(product) || listed.has(product)) continue;
    listed.add(product);
    needHidPosMode.push({ name: displayName(device, vendor), vendor, productId: device.productId });
  }
  return { scanners, needHidPosMode };
}

export function hidPosKey(device: HidDeviceInfo): string {
  // Cut to keep the key within DeviceStatus.id's 120 characters.
  const serial = (device.serialNumber ?? '').slice(0, 80) || '-';
  return `hid:${hex4(device.vendorId)}:${hex4(device.productId)}:${serial}:${device.interface}`;
}

function productKey(vendorId: number, productId: number): string {
  return `${hex4(vendorId)}:${hex4(productId)}`;
}

function displayName(device: HidDeviceInfo, vendor: ScannerVendor | undefined): string {
  const maker = device.manufacturer ?? vendor?.maker ?? `vendor ${hex4(device.vendorId)}`;
  const product = device.product ?? `product ${hex4(device.productId)}`;
  return `${maker} ${product}`.slice(0, 120);
}

function hex4(n: number): string {
  return n.toString(16).padStart(4, '0');
}
