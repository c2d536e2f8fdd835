// Checks over all definitions at once: a name defined twice, and definitions that depend on
// themselves through a chain of references. Finding them needs only names and references,
// so `wholeProgramFindings` runs when those change; placing the diagnostics runs every check.
import type { Diagnostic } from '../diagnostic';
import type { DefinitionGraph } from '../graph/definitions';
import type { DefinitionInfo } from '../program-types';

type Located = Diagnostic & { cellId: string };

export interface WholeProgramFindings {
  /** Names defined more than once. */
  duplicates: string[];
  /** The cycles, each as its members. */
  cycles: string[][];
}

export function wholeProgramFindings(
  definitions: Map<string, DefinitionInfo[]>,
  graph: DefinitionGraph,
): WholeProgramFindings {
  const duplicates: string[] = [];
  for (const [name, infos] of definitions) if (infos.length > 1) duplicates.push(name);
  return { duplicates, cycles: graph.cycles() };
}

export function duplicateDiagnostics(
  names: string[],
  definitions: Map<string, DefinitionInfo[]>,
  location: (d: DefinitionInfo) => string,
): Located[] {
  const result: Located[] = [];
  for (const name of names) {
    const infos = definitions.get(name)!;
    for (const d of infos.slice(1)) {
      result.push({
        cellId: d.cellId,
        range: d.nameRange,
        severity: 'error',
        code: 'duplicate-definition',
        message: `\`${name}\` is already defined (${location(infos[0])}); give this one another name`,
      });
    }
  }
  return result;
}

/** One diagnostic per definition on a cycle, naming the cycle from it back to itself. */
export function cycleDiagnostics(
  cycles: string[][],
  definitions: Map<string, DefinitionInfo[]>,
  graph: DefinitionGraph,
): Located[] {
  const result: Located[] = [];
  for (const component of cycles) {
    const pathOf = graph.cyclePaths(component);
    for (const name of component) {
      const d = definitions.get(name)![0];
      const path = pathOf(name);
      result.push({
        cellId: d.cellId,
        range: d.nameRange,
        severity: 'error',
        code: 'cyclic-definition',
        message: `\`${name}\` depends on itself: ${shownPath(path)}`,
      });
    }
  }
  return result;
}

/** Names shown at each end of a long cycle's path; a message names at most twice as many. */
const CYCLE_ENDS_SHOWN = 4;

/** A cycle's path for a message: the whole path when short, else its ends around a count. */
function shownPath(path: string[]): string {
  if (path.length <= 2 * CYCLE_ENDS_SHOWN + 1) return path.join(' → ');
  const hidden = path.length - 2 * CYCLE_ENDS_SHOWN;
  return [
    ...path.slice(0, CYCLE_ENDS_SHOWN),
    `… ${hidden.toLocaleString('en-US')} more …`,
    ...path.slice(-CYCLE_ENDS_SHOWN),
  ].join(' → ');
}
