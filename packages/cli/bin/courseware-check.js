#!/usr/bin/env node
// The sources are TypeScript, run directly through tsx: no build step between `pnpm install` and a check.
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
