import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const INSTALL = 'apt-get update && apt-get install -y chromium fonts-noto-cjk';

function hasCjkFonts(): boolean {
  const r = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  return r.status === 0 && /Noto Sans CJK|Noto Serif CJK/.test(r.stdout);
}

/**
 * Debian's Chromium and CJK fonts, installed here when running as root; otherwise the test stops
 * with the exact command to run. Never a silent skip.
 */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM) && hasCjkFonts()) return;
  if (process.getuid?.() === 0) {
    execSync(INSTALL, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    return;
  }
  throw new Error(`Chromium or CJK fonts are missing. Run as root: ${INSTALL}`);
}

export function launchChromium(): Promise<Browser> {
  ensureChromium();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
