// The one dependency graph of the language core: which definition reads which, walked depth
// first without recursion. The checker finds cycles and the run order on it; the kernel orders
// a run's statements with `dependenciesFirst`.
export { DepthFirst, dependenciesFirst, type DepthFirstVisitor } from './depth-first';
export { DefinitionGraph } from './definitions';
export { planRun } from './run-order';
