// The PostgreSQL engine against a real PostgreSQL 15 server started by the test set-up.
import { PostgresConnection } from '../../server/src/data/engines/sql/postgres-connection';
import { engineContract } from './engine-contract';
import { postgresWithData, type PostgresServer } from './servers';

let server: PostgresServer;
const url = (password: string, port = server.port) =>
  `postgres://${server.user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${server.database}`;

engineContract('PostgreSQL', {
  server: async (ctx) => (server = await postgresWithData(ctx)),
  open: () => PostgresConnection.open(server.url),
  openWithWrongPassword: () => PostgresConnection.open(url('not-the-password')),
  openRefused: (port) => PostgresConnection.open(url(server.password, port)),
  password: () => server.password,
  slowQuery: 'SELECT count(*) FROM transactions a CROSS JOIN transactions b',
});
