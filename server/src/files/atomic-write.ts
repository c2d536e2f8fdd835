// The one way a file the user asked for is written (exports, reports, results, formatted
// notebooks): whole or not at all. The body goes to a temporary file beside the target, which
// is then renamed over it (atomic on one file system), so a reader never sees half a file and
// an interrupted run leaves the old one. Three things a plain rename would lose are kept: the
// target's permissions (an export made private stays private), a symlink (the file it points
// to is replaced, the link stays), and tidiness (temporary files a killed writer left for the
// same target are removed on the next write).
import {
  closeSync,
  chmodSync,
  mkdirSync,
  openSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** `.NAME.PID.STAMP.tmp`: the prefix names the target, the pid says who wrote it. */
const TEMP = /^\.(.*)\.(\d+)\.\d+\.tmp$/;

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes temporary files of `target` left by writers that are no longer running. */
function removeStaleTemps(target: string): void {
  const name = basename(target);
  let entries: string[];
  try {
    entries = readdirSync(dirname(target));
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = TEMP.exec(entry);
    if (match && match[1] === name && !isRunning(Number(match[2])))
      rmSync(join(dirname(target), entry), { force: true });
  }
}

/** The file a write to `path` should replace: through a symlink to what it points to. */
function followLink(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path; // does not exist yet (or a dangling link: replace the link itself)
  }
}

/** Writes `path` atomically; `body` writes the content to the open descriptor. */
export function writeFileAtomic(path: string, body: (fd: number) => void): void {
  const target = followLink(path);
  mkdirSync(dirname(target), { recursive: true });
  removeStaleTemps(target);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const mode = (() => {
    try {
      return statSync(target).mode & 0o7777;
    } catch {
      return undefined;
    }
  })();
  const fd = openSync(temp, 'w', mode ?? 0o666);
  try {
    body(fd);
    if (mode !== undefined) chmodSync(temp, mode); // openSync's mode is masked by the umask
    closeSync(fd);
    renameSync(temp, target);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(temp, { force: true });
    throw error;
  }
}
