import type { BrowserContext, Page } from 'playwright-core';

export function waitForGloss(context: BrowserContext, page: Page, timeout?: number): Promise<void>;
export function recordFirstDraw(context: BrowserContext, count: number): Promise<void>;
