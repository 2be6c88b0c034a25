import { Library } from '@/components/library/Library';
import { PageSettings } from '@/lib/settings/page-settings';

export function App() {
  return (
    <PageSettings>
      <Library />
    </PageSettings>
  );
}
