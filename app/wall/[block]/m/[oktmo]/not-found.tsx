import { DrillNotFound } from '@/components/drill/drill-not-found';

export default function NotFound() {
  return <DrillNotFound />;
}
