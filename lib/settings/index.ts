/**
 * Reader preferences, kept in extension storage (never the page's localStorage, which page
 * scripts can read). Versioned items so that later shapes can migrate.
 */
import { storage } from 'wxt/utils/storage';
import type { HighlightColor } from '../types';

export const currentColor = storage.defineItem<HighlightColor>('local:currentColor', {
  fallback: 'yellow',
  version: 1,
});

export const highlightsVisible = storage.defineItem<boolean>('local:highlightsVisible', {
  fallback: true,
  version: 1,
});
