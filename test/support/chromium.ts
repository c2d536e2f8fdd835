// The headless Chromium the browser tests drive through playwright-core (no downloaded
// browser): Debian's package by default, or the binary CLV_CHROMIUM names.
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CLV_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** For `requirePrerequisite`: undefined when Chromium is there, else what is missing and how to install it. */
export function missingChromium(): string | undefined {
  if (existsSync(chromiumPath)) return undefined;
  return `Chromium is not installed (${chromiumPath}): run \`sudo apt-get install chromium\` or set CLV_CHROMIUM to a Chromium binary`;
}
