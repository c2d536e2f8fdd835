// Connection URLs stored in VS Code's secret storage (the OS keychain), never in a notebook,
// a setting or a log. "CLV: Add Connection…" stores one under a name; a notebook refers to it
// as `connection NAME = ENGINE secret "NAME"`. The processes the extension starts (kernel,
// language server) get the stored URLs as environment variables (secretVariable), which is
// where the kernel and the server look before `.clv/connections.json`.
import * as vscode from 'vscode';
import { secretVariable } from '../../server/src/data/engines/sql/secret-names';

/** One secret holding every stored connection, as JSON `{ "name": "url" }`. */
const STORE_KEY = 'clv.connections';

/** A secret's name as a notebook writes it: `secret "analytics"`. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]*$/;

export class ConnectionSecrets implements vscode.Disposable {
  private urls: Record<string, string> = {};
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the stored connections change (here or in another window). */
  readonly onDidChange = this.changed.event;
  /** Resolves once the stored connections have been read. */
  readonly loaded: Promise<void>;
  private readonly listener: vscode.Disposable;

  constructor(private readonly secrets: vscode.SecretStorage) {
    this.loaded = this.load();
    this.listener = secrets.onDidChange((e) => {
      if (e.key === STORE_KEY) void this.load().then(() => this.changed.fire());
    });
  }

  private async load(): Promise<void> {
    try {
      this.urls = JSON.parse((await this.secrets.get(STORE_KEY)) ?? '{}') as Record<string, string>;
    } catch {
      this.urls = {}; // unreadable: as if nothing were stored (a new Add Connection rewrites it)
    }
  }

  async add(name: string, url: string): Promise<void> {
    await this.loaded;
    this.urls = { ...this.urls, [name]: url };
    await this.secrets.store(STORE_KEY, JSON.stringify(this.urls));
    this.changed.fire();
  }

  /** The environment of a process the extension starts: its own, plus every stored URL. */
  env(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env };
    for (const [name, url] of Object.entries(this.urls)) env[secretVariable(name)] = url;
    return env;
  }

  dispose(): void {
    this.listener.dispose();
    this.changed.dispose();
  }
}

const validName = (name: string) =>
  NAME.test(name) ? undefined : 'A letter, then letters, digits, _ or - (the name a notebook writes in secret "NAME")';

const validUrl = (url: string) =>
  url.trim() ? undefined : 'The URL, e.g. postgres://user:password@host:5432/database (or a DuckDB file path)';

/**
 * "CLV: Add Connection…": asks for a name and a URL (typed as a password, never echoed) and
 * stores them. Arguments skip the questions (automation, tests).
 */
export function registerAddConnectionCommand(connections: ConnectionSecrets): vscode.Disposable {
  return vscode.commands.registerCommand('clv.addConnection', async (given?: { name?: string; url?: string }) => {
    const name =
      given?.name ??
      (await vscode.window.showInputBox({
        title: 'CLV: Add Connection… (1/2)',
        prompt: 'The name notebooks use: connection NAME = postgres secret "NAME"',
        validateInput: validName,
        ignoreFocusOut: true,
      }));
    if (name === undefined) return;
    const url =
      given?.url ??
      (await vscode.window.showInputBox({
        title: `CLV: Add Connection… (2/2): ${name}`,
        prompt: "The connection's URL; it is kept in VS Code's secret storage, never in the notebook",
        password: true,
        validateInput: validUrl,
        ignoreFocusOut: true,
      }));
    if (url === undefined) return;
    const problem = validName(name) ?? validUrl(url);
    if (problem) {
      void vscode.window.showErrorMessage(`CLV: the connection was not stored: ${problem}.`);
      return;
    }
    await connections.add(name, url.trim());
    void vscode.window.showInformationMessage(
      `CLV: connection "${name}" stored in VS Code's secret storage; write \`secret "${name}"\` in a connection statement. A kernel already running sees it after CLV: Restart Kernel.`,
    );
  });
}
