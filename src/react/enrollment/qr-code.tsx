/**
 * The otpauth:// URI as a QR code. The encoder (uqr) is loaded on demand, so it costs the
 * prompt nothing until a user actually enrolls; the matrix is drawn as one SVG path
 * (React elements only: no HTML strings are injected).
 */
import { useEffect, useState } from 'react';

/** Quiet zone, in modules: ISO/IEC 18004 asks for 4 around the symbol. */
const QUIET_ZONE_MODULES = 4;

export function MfaQrCode({ value, label, loadingLabel }: { value: string; label: string; loadingLabel: string }) {
  const [matrix, setMatrix] = useState<boolean[][] | null>(null);
  useEffect(() => {
    let live = true;
    setMatrix(null);
    import('uqr').then(
      ({ encode }) => {
        // `border: 0`: the quiet zone is drawn by the viewBox instead.
        if (live) setMatrix(encode(value, { ecc: 'M', border: 0 }).data);
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [value]);

  if (!matrix) {
    return (
      <div className="mfa-qr" data-state="loading" role="img" aria-label={loadingLabel} />
    );
  }
  const size = matrix.length + QUIET_ZONE_MODULES * 2;
  let path = '';
  matrix.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) path += `M${x + QUIET_ZONE_MODULES} ${y + QUIET_ZONE_MODULES}h1v1h-1z`;
    }),
  );
  return (
    <svg className="mfa-qr" data-state="ready" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shapeRendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={path} fill="#000" />
    </svg>
  );
}
