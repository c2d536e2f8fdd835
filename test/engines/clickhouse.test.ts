// The ClickHouse engine against a real two-shard ClickHouse 18.16 cluster started by the test
// set-up: every table the product reads is a Distributed table over MergeTree shards.
import { ClickHouseConnection } from '../../server/src/data/engines/sql/clickhouse-connection';
import { engineContract } from './engine-contract';
import { clickhouseWithData, type ClickHouseCluster } from './servers';

let cluster: ClickHouseCluster;
const url = (password: string, port = cluster.nodes[0].httpPort) =>
  `http://${cluster.user}:${encodeURIComponent(password)}@127.0.0.1:${port}`;

engineContract('ClickHouse (two shards)', {
  server: async (ctx) => (cluster = await clickhouseWithData(ctx)),
  open: () => ClickHouseConnection.open(url(cluster.password)),
  openWithWrongPassword: () => ClickHouseConnection.open(url('not-the-password')),
  openRefused: (port) => ClickHouseConnection.open(url(cluster.password, port)),
  password: () => cluster.password,
  // Runs on both shards for about a minute (0.1 ms per row of the 1M-row table), in small
  // blocks: a query is cancelled between blocks.
  slowQuery: 'SELECT count() FROM transactions WHERE sleepEachRow(0.0001) = 0 SETTINGS max_block_size = 1024',
});
