// Connection statements: a known engine, and a URL that comes from outside the notebook. Only
// DuckDB may name a database file directly; a string that looks like a URL (or holds a
// password) is refused, so a credential never lands in a notebook, a report or git.
import type { ConnectionStatement, SourceStatement } from '../ast';
import { CONNECTION_ENGINES, CONNECTION_URL_SOURCES, engineInfo, isConnectionFormat } from '../catalog/connections';
import { didYouMean, orList, suggest } from '../suggest';
import { suggestionData, type CheckContext } from './context';
import { resolveDefinition } from './resolve';

const ENGINE_NAMES = CONNECTION_ENGINES.map((e) => e.name);

export function checkConnection(ctx: CheckContext, s: ConnectionStatement): void {
  const engine = s.engine ? engineInfo(s.engine.name) : undefined;
  if (s.engine && !engine) {
    const suggestions = suggest(s.engine.name, ENGINE_NAMES);
    ctx.error(
      s.engine,
      'unknown-engine',
      `unknown engine \`${s.engine.name}\`; use ${orList(ENGINE_NAMES)}${didYouMean(suggestions)}`,
      suggestionData(suggestions),
    );
  }
  if (s.via && !CONNECTION_URL_SOURCES.some((v) => v.name === s.via!.name)) return;
  if (!s.target) {
    // A file engine without a database is an in-memory one, for reading local files.
    if (s.engine && engine && !engine.file)
      ctx.error(
        s.engine,
        'missing-connection',
        `say where the ${engine.name} URL is: \`env "VARIABLE"\` or \`secret "NAME"\``,
      );
    return;
  }
  const looksLikeUrl = /^[a-z][a-z0-9+.-]*:\/\//i.test(s.target.value) || /password=|:[^/@]*@/i.test(s.target.value);
  if (!s.via && (looksLikeUrl || (engine && !engine.file)))
    ctx.error(
      s.target,
      'credential-in-notebook',
      `a connection URL does not belong in the notebook (it would end up in git and in reports): put it in an environment variable and write \`env "VARIABLE"\`, or store it as a secret and write \`secret "NAME"\``,
    );
  if (s.via?.name === 'env' && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(s.target.value))
    ctx.error(s.target, 'invalid-option-value', `${s.target.raw} is not an environment variable's name`);
}

/** `table`/`query` sources read through a connection; file sources do not. */
export function checkSourceConnection(ctx: CheckContext, s: SourceStatement): void {
  if (!s.format) return;
  const throughConnection = isConnectionFormat(s.format.name);
  if (throughConnection && !s.connection && s.path)
    ctx.error(
      s.path,
      'missing-connection',
      `a \`${s.format.name}\` source reads through a connection: add \`from NAME\` after ${s.path.raw}`,
    );
  if (!throughConnection && s.connection)
    ctx.error(
      s.connection,
      'missing-connection',
      `a ${s.format.name} file is read from disk, not through a connection; to read files with DuckDB, write a \`query\` source such as \`query "SELECT * FROM read_csv('orders.csv')" from files\` over \`connection files = duckdb\``,
    );
  if (s.connection) resolveDefinition(ctx, s.connection, ['connection'], 'a source reads through');
}
