import { useEffect, useState } from 'react';
import { toDataURL } from 'qrcode';

export type QrCodeImage = { status: 'pending' } | { status: 'ready'; dataUrl: string } | { status: 'failed' };

/** A PNG data URL of a QR code holding exactly `text`. */
export function useQrCode(text: string | null): QrCodeImage {
  const [image, setImage] = useState<QrCodeImage>({ status: 'pending' });
  useEffect(() => {
    if (!text) return;
    let live = true;
    setImage({ status: 'pending' });
    // Level M survives a crease or a smudge on paper; 4 modules of margin is the standard quiet zone.
    toDataURL(text, { errorCorrectionLevel: 'M', margin: 4, width: 480 }).then(
      (dataUrl) => live && setImage({ status: 'ready', dataUrl }),
      () => live && setImage({ status: 'failed' }),
    );
    return () => {
      live = false;
    };
  }, [text]);
  return image;
}
