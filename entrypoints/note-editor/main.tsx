import { render } from 'preact';
import '@/components/styles.css';
import { App } from './App';

const params = new URLSearchParams(location.search);
render(
  <App
    id={params.get('id') ?? ''}
    view={params.get('view') === 'margin' ? 'margin' : 'card'}
    edit={params.get('edit') === '1'}
  />,
  document.getElementById('app') as HTMLElement,
);
