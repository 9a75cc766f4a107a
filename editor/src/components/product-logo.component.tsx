/** The violet «plus of wires» mark, same as the favicon. */
export function ProductLogo({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden focusable="false" className="product-logo">
      <rect width="32" height="32" rx="8" fill="var(--violet-9)" />
      <path d="M9 16h6m2 0h6M16 9v14" stroke="white" strokeWidth="3" strokeLinecap="round" />
    </svg>
  );
}
