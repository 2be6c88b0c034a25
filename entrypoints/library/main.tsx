import { render } from 'preact';
import '@/components/styles.css';
import { followSyncJournal } from '@/lib/settings';
import { App } from './App';

// This page may import annotations itself: its writes are journaled for sync while sync is on.
followSyncJournal();

render(<App />, document.getElementById('app') as HTMLElement);
