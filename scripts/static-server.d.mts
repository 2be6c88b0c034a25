import type { Server } from 'node:http';
export function serveStatic(roots: string[], port?: number): Promise<{ server: Server; url: string }>;
