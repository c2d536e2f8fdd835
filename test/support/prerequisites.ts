// Tests that need something outside npm (Chromium, code-server, a database server's binaries)
// call `requirePrerequisite` in their `before` hook. On a fresh clone without it they are
// skipped with one line that names the missing piece and how to install it; under
// CLV_REQUIRE_ALL=1 (set by .ci/run) a missing prerequisite fails the suite instead, so CI can
// never go green by skipping.
import type { Context } from 'mocha';

/** True when every prerequisite must be present (CI). */
export const requireAll = process.env.CLV_REQUIRE_ALL === '1';

/** Each missing prerequisite is announced once per run, at the first test that needs it. */
const announced = new Set<string>();

/**
 * `missing` is undefined when the prerequisite is there, otherwise a sentence naming what is
 * missing and the command that installs it.
 */
export function requirePrerequisite(ctx: Context, missing: string | undefined): void {
  if (missing === undefined) return;
  if (requireAll) throw new Error(`missing prerequisite (CLV_REQUIRE_ALL=1): ${missing}`);
  if (!announced.has(missing)) console.log(`    skipped (here and wherever else it is needed): ${missing}`);
  announced.add(missing);
  ctx.skip();
}
