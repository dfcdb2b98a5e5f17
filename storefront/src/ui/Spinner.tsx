export function Spinner({
  size = 'md',
  label,
  decorative = false,
}: {
  size?: 'sm' | 'md' | 'lg';
  /** Announced to screen readers; required unless decorative. */
  label?: string;
  decorative?: boolean;
}) {
  return (
    <span
      className={`ui-spinner ui-spinner--${size}`}
      role={decorative ? undefined : 'status'}
      aria-hidden={decorative || undefined}
    >
      {!decorative && label && <span className="ui-visually-hidden">{label}</span>}
    </span>
  );
}

/** A grey placeholder block shown while content loads. */
export function Skeleton({ width, height = '1em', className }: { width?: string; height?: string; className?: string }) {
  return <span className={['ui-skeleton', className].filter(Boolean).join(' ')} style={{ width, height }} aria-hidden />;
}
