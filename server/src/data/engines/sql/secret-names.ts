// Where a `secret "NAME"` connection's URL is found outside the notebook: the environment
// variable through which the VS Code extension hands a stored secret to the processes it
// starts (kernel, language server), or the git-ignored workspace file. Shared by the kernel,
// the language server and the extension, so it imports nothing.

/** The workspace file of named connection URLs; it must be git-ignored (docs/engines.md). */
export const SECRETS_FILE = '.clv/connections.json';

/** The environment variable through which the VS Code client hands a stored secret to its kernel. */
export function secretVariable(name: string): string {
  return `CLV_SECRET_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;
}
