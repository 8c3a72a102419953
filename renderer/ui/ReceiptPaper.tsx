import { useEffect, useState } from 'react';
import QRCode from 'qrcode';
import { layoutReceipt } from '../../shared/receipts/layout-receipt';
import type { ReceiptDocument } from '../../shared/receipts/receipt-document';
import type { Lang } from '../../shared/i18n/lang';
import { assertNever } from '../../shared/util/assert-never';

/**
 * The on-screen preview of a receipt: the same laid-out lines the printer gets
 * (layoutReceipt), wrapped to the printer's columns in a monospace column as wide, so what
 * the cashier sees is what prints (32 columns on 58 mm paper, 42 or 48 on 80 mm).
 */
export function ReceiptPaper({
  receipt,
  lang,
  columns,
}: {
  receipt: ReceiptDocument;
  lang: Lang;
  columns: number;
}) {
  const blocks = layoutReceipt(receipt, { columns, lang });
  return (
    <div
      className="receipt-paper"
      data-testid="receipt-paper"
      data-columns={columns}
      style={{ width: `${String(columns)}ch` }}
    >
      {blocks.map((block, i) => {
        const key = String(i);
        switch (block.kind) {
          case 'text':
            return (
              <div
                key={key}
                className={`paper-line align-${block.align}${block.bold ? ' bold' : ''}${block.size === 2 ? ' double' : ''}`}
              >
                {block.text || ' '}
              </div>
            );
          case 'qr':
            return <PaperQr key={key} payload={block.payload} />;
          case 'feed':
            return <div key={key} style={{ height: `${String(block.lines)}lh` }} />;
          case 'cut':
            return <hr key={key} className="paper-cut" />;
          default:
            return assertNever(block, 'print block');
        }
      })}
    </div>
  );
}

function PaperQr({ payload }: { payload: string }) {
  const [svg, setSvg] = useState<string | null>(null);
  useEffect(() => {
    void QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 1 }).then(
      setSvg,
    );
  }, [payload]);
  return svg ? <div className="paper-qr" dangerouslySetInnerHTML={{ __html: svg }} /> : null;
}
