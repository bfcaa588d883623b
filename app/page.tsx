import { Suspense } from 'react';
import { Shell } from '@/components/shell/Shell';

export default function Home() {
  // useSearchParams in the shell needs a Suspense boundary (Next 16).
  return (
    <Suspense fallback={<div className="p-6 text-sm text-slate-500">Loading Gatewatch…</div>}>
      <Shell />
    </Suspense>
  );
}
