import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { encodeVirtualCardQr } from '../../shared/cards/virtual-card-qr';
import type { CardNumber } from '../../shared/cards/card-number';
import { useFormats } from '../app/terminal-context';

/** The QR code of a virtual card, for the customer to photograph or add to a wallet. */
export function VirtualCardQr({ number }: { readonly number: string }) {
  const { t } = useFormats();
  const payload = encodeVirtualCardQr(number as CardNumber);
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }).then(
      setSvg,
    );
  }, [payload]);
  return (
    <figure className="qr" data-testid="virtual-card-qr" data-payload={payload}>
      {svg && <div className="qr-image" dangerouslySetInnerHTML={{ __html: svg }} />}
      <figcaption>{t('enrol.qr', { number })}</figcaption>
    </figure>
  );
}
