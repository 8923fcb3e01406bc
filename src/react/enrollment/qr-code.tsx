'use client';
/**
 * The otpauth:// URI as a QR code. The encoder (lean-qr's 2 kB "nano" build) is loaded on demand, so it costs the
 * prompt nothing until a user actually enrolls; the matrix is drawn as one SVG path
 * (React elements only: no HTML strings are injected).
 */
import { useEffect, useState } from 'react';
import type { Bitmap2D as QrSymbol } from 'lean-qr/nano';

/** Quiet zone, in modules: ISO/IEC 18004 asks for 4 around the symbol. */
const QUIET_ZONE_MODULES = 4;

export function MfaQrCode({ value, label, loadingLabel }: { value: string; label: string; loadingLabel: string }) {
  const [symbol, setSymbol] = useState<QrSymbol | null>(null);
  useEffect(() => {
    let live = true;
    setSymbol(null);
    import('lean-qr/nano').then(
      ({ generate, correction }) => {
        if (live) setSymbol(generate(value, { minCorrectionLevel: correction.M }));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [value]);

  if (!symbol) {
    return <div className="mfa-qr" data-state="loading" role="img" aria-label={loadingLabel} />;
  }
  const size = symbol.size + QUIET_ZONE_MODULES * 2;
  let path = '';
  for (let y = 0; y < symbol.size; y++) {
    for (let x = 0; x < symbol.size; x++) {
      if (symbol.get(x, y)) path += `M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h1v1h-1z`;
    }
  }
  return (
    <svg className="mfa-qr" data-state="ready" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
