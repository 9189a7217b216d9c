import type { CouponFace } from '@glow/contracts';
import { Typography } from 'antd';
import type { ReactNode } from 'react';

const BRAND = '#b0456b';

export interface CouponFaceViewProps {
  face: CouponFace;
  name: string;
  /** The template's own terms, shown under the generated rules. */
  description?: string | null;
  /** Every rule as a sentence (the preview), or only the headline and condition (cards in a list). */
  showRules?: boolean;
  /** Greys the coupon out (used, expired, revoked). */
  muted?: boolean;
  children?: ReactNode;
}

/** A coupon drawn as the member sees it in the mini-program: the value on the left, its name and rules on the right. */
export function CouponFaceView({ face, name, description, showRules = false, muted = false, children }: CouponFaceViewProps) {
  const colour = muted ? '#bfbfbf' : BRAND;
  return (
    <div className="coupon-face" style={{ display: 'flex', border: `1px solid ${muted ? '#f0f0f0' : '#f3c6d6'}`, borderRadius: 8, overflow: 'hidden', background: '#fff' }}>
      <div
        style={{
          width: 104,
          flex: 'none',
          background: colour,
          color: '#fff',
          display: 'flex',
          flexDirection: 'column',
          alignItems: 'center',
          justifyContent: 'center',
          padding: '12px 6px',
          textAlign: 'center',
        }}
      >
        <span className="coupon-face-headline" style={{ fontSize: 24, fontWeight: 600, lineHeight: 1.2 }}>
          {face.headline}
        </span>
        <span className="coupon-face-condition" style={{ fontSize: 12, marginTop: 4 }}>
          {face.condition}
        </span>
      </div>
      <div style={{ flex: 1, minWidth: 0, padding: '10px 12px' }}>
        <Typography.Text strong className="coupon-face-name" type={muted ? 'secondary' : undefined}>
          {name}
        </Typography.Text>
        {showRules && face.rules.length > 0 && (
          <ul className="coupon-face-rules" style={{ margin: '6px 0 0', paddingInlineStart: 18, color: 'rgba(0,0,0,0.65)', fontSize: 12 }}>
            {face.rules.map((rule) => (
              <li key={rule}>{rule}</li>
            ))}
          </ul>
        )}
        {showRules && description && (
          <Typography.Paragraph className="coupon-face-description" type="secondary" style={{ margin: '6px 0 0', fontSize: 12, whiteSpace: 'pre-wrap' }}>
            {description}
          </Typography.Paragraph>
        )}
        {children}
      </div>
    </div>
  );
}
