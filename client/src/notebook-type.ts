/** The notebook type this extension registers (package.json `contributes.notebooks`). */
export const NOTEBOOK_TYPE = 'clv-notebook';
