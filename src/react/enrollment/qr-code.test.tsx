import { render, screen, waitFor } from '@testing-library/react';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { MfaQrCode } from './qr-code.js';

const URI = 'otpauth://totp/mfa-kit:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=mfa-kit';

/** Paints the SVG's modules (`M x y h1v1h-1z` squares in a viewBox) as pixels, as a camera would see them. */
function pixelsOf(svg: Element, scale = 4) {
  const size = Number(svg.getAttribute('viewBox')!.split(' ')[2]);
  const dark = new Set(
    [
      ...svg
        .querySelector('path')!
        .getAttribute('d')!
        .matchAll(/M(\d+) (\d+)h1v1h-1z/g),
    ].map(([, x, y]) => `${x},${y}`),
  );
  const width = size * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      if (dark.has(`${Math.floor(x / scale)},${Math.floor(y / scale)}`)) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width };
}

describe('MfaQrCode', () => {
  it('should draw a QR code that a scanner reads back as the otpauth URI, quiet zone included', async () => {
    render(<MfaQrCode value={URI} label="QR code for your authenticator app" loadingLabel="Loading" />);
    const svg = await waitFor(() => screen.getByRole('img', { name: 'QR code for your authenticator app' }).closest('svg')!);
    const { data, width } = pixelsOf(svg);
    const read = jsQR(data, width, width);
    expect(read?.data).toBe(URI);
  });

  it('should show a labelled placeholder until the encoder has loaded', () => {
    render(<MfaQrCode value={URI} label="QR code" loadingLabel="Loading the QR code" />);
    expect(screen.getByRole('img', { name: 'Loading the QR code' })).toHaveAttribute('data-state', 'loading');
  });
});
