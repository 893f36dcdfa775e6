'use client';

import Link from 'next/link';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { blockOfElement, drillHref } from '@/components/ui/drill-links';

interface DrillLinkProps {
  oktmo: string | null;
  children: ReactNode;
  className?: string;
}

/**
 * A municipality's name that opens its drill-down, keeping the block of the screen it is on (read from the
 * screen's `data-block` once mounted, so lists need no extra props). Without a municipality: plain text.
 */
export function DrillLink({ oktmo, children, className }: DrillLinkProps) {
  const ref = useRef<HTMLAnchorElement>(null);
  const [block, setBlock] = useState<string | null>(null);
  useEffect(() => setBlock(blockOfElement(ref.current)), []);
  if (!oktmo) return <span className={className}>{children}</span>;
  return (
    <Link
      ref={ref}
      href={drillHref(block, oktmo)}
      prefetch={false}
      data-testid="drill-link"
      data-oktmo={oktmo}
      className={`${className ?? ''} underline decoration-slate-600 decoration-dotted decoration-[0.1em] underline-offset-[0.2em] hover:text-cyan-200 hover:decoration-solid`}
      style={{ cursor: 'pointer' }}
    >
      {children}
    </Link>
  );
}
