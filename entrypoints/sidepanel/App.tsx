import { SidePanel } from '@/components/SidePanel';

/** The side panel (Chromium) and sidebar (Firefox): everything is in components/SidePanel.tsx. */
export function App() {
  return <SidePanel />;
}
