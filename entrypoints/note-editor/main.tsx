import { render } from 'preact';
import '@/components/styles.css';
import { waitForTicket } from '@/lib/pages/frame-ticket';
import { PageSettings } from '@/lib/settings/page-settings';
import { App } from './App';

// Shows nothing until the content script that opened this frame hands over a valid ticket.
void waitForTicket(window).then(({ grant, port }) =>
  render(
    <PageSettings>
      <App id={grant.id} view={grant.view} edit={grant.edit} port={port} />
    </PageSettings>,
    document.getElementById('app') as HTMLElement,
  ),
);
