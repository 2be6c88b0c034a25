import { render } from 'preact';
import '@/components/styles.css';
import { PageSettings } from '@/lib/settings/page-settings';
import { App } from './App';

render(
  <PageSettings>
    <App />
  </PageSettings>,
  document.getElementById('app') as HTMLElement,
);
