#!/usr/bin/env node
// Stand-in for Prisma's native `schema-engine` binary, built on the WebAssembly build of the same
// engine (@prisma/schema-engine-wasm) and the `pg` driver. The stock Prisma CLI runs it when
// PRISMA_SCHEMA_ENGINE_BINARY names this file (prisma.config.ts sets that), so `prisma migrate *`,
// `prisma db push|execute` and `prisma generate` work offline: nothing is ever downloaded.
// See README.md next to this file. PostgreSQL only (the Wasm build targets driver adapters).
//
// The three ways the CLI invokes the binary:
//   <bin> --version                                        -> one line on stdout
//   <bin> --datasource '{"url":..}' cli <command>           -> exit 0, or JSON log lines on stderr
//   <bin> --datamodels <file>... --datasource '{"url":..,"shadowDatabaseUrl"?:..}'
//                                                           -> JSON-RPC 2.0, one JSON per line on stdin/stdout

import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from '@prisma/driver-adapter-utils';
import pg from 'pg';

// Stdout is the RPC channel and the CLI parses stderr line by line as JSON, so no stray text may
// reach either: Node warnings (e.g. pg's sslmode notice) become JSON log lines on stderr.
process.removeAllListeners('warning');
process.on('warning', (w) => log('WARN', String(w.message ?? w)));

function log(level, message, extra = {}) {
  process.stderr.write(
    `${JSON.stringify({ level, target: 'schema_engine::logger', fields: { message, ...extra } })}\n`,
  );
}

const wasmDir = path.dirname(
  fileURLToPath(import.meta.resolve('@prisma/schema-engine-wasm/schema_engine_bg')),
);
const wasmPkg = JSON.parse(await readFile(path.join(wasmDir, 'package.json'), 'utf8'));

// ---------------------------------------------------------------------------------------------
// Connection strings. Prisma URLs carry `?schema=`; pg ignores it, so we strip it and apply it
// ourselves (adapter-pg defect: `?schema=` does not set search_path, its `schema` option only
// tells the engine which schema to introspect, while migration SQL uses unqualified names).

const quoteIdent = (name) => `"${name.replaceAll('"', '""')}"`;

function target(url, database) {
  const u = new URL(url);
  if (database !== undefined) u.pathname = `/${encodeURIComponent(database)}`;
  const schema = u.searchParams.get('schema') || 'public';
  const withSchema = u.toString(); // for deriving other targets (shadow database) from this one
  u.searchParams.delete('schema');
  return {
    schema,
    database: decodeURIComponent(u.pathname.slice(1)),
    where: `${u.hostname}:${u.port || 5432}`,
    url: withSchema,
    // `options` is a libpq startup parameter: every pooled connection starts on the right search_path.
    pg: {
      connectionString: u.toString(),
      options: `-c search_path=${quoteIdent(schema).replace(/[\\ ]/g, '\\$&')}`,
      Client: CharAsTextClient,
    },
  };
}

// adapter-pg defect: it throws "Unsupported column type char" for Postgres' internal one-byte
// `"char"` type (OID 18), which the engine's introspection queries return (pg_constraint.contype,
// pg_class.relkind, ...), and the engine reads those columns as Character values. pg.Pool takes
// its Client class from the config the adapter passes through, so this Client relabels such
// columns as TEXT (OID 25; the values are one-character strings already) to get them past the
// adapter, and remembers where they were, keyed by the rows array that queryRaw hands back
// unchanged; withCharColumns() then reports those columns as Character.
const charColumns = new WeakMap();
class CharAsTextClient extends pg.Client {
  query(config, values, callback) {
    const relabel = (res) => {
      for (const r of Array.isArray(res) ? res : [res]) {
        const found = [];
        for (const [i, field] of (r?.fields ?? []).entries()) {
          if (field.dataTypeID !== 18) continue;
          field.dataTypeID = 25;
          found.push(i);
        }
        if (found.length) charColumns.set(r.rows, found);
      }
      return res;
    };
    if (typeof values === 'function') [callback, values] = [values, undefined];
    if (typeof callback === 'function')
      return super.query(config, values, (e, res) => callback(e, e ? res : relabel(res)));
    const ret = super.query(config, values);
    return typeof ret?.then === 'function' ? ret.then(relabel) : ret;
  }
}

function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(result.rows) ?? []) result.columnTypes[i] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function withClient(t, fn) {
  const client = new pg.Client(t.pg);
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// The driver adapter factory handed to the Wasm engine.

async function connectAdapter(t) {
  const adapter = withCharColumns(await new PrismaPg(t.pg, { schema: t.schema }).connect());
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
  // adapter-pg defect: executeScript splits the script on every `;`, which breaks `$$`-quoted
  // function bodies and string literals, and runs the pieces one by one, so a failing migration
  // stays half-applied. We send the script whole, as the native engine does: PostgreSQL runs a
  // multi-statement simple query in one implicit transaction, so a failure rolls it all back.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (e) {
      adapter.onError(e); // rethrows as a DriverAdapterError the engine understands
    }
  };
  return adapter;
}

class BridgeAdapterFactory {
  provider = 'postgres';
  adapterName = '@prisma/adapter-pg';

  constructor(datasource) {
    this.main = target(datasource.url);
    this.shadowUrl = datasource.shadowDatabaseUrl;
  }

  connect() {
    return connectAdapter(this.main);
  }

  // adapter-pg defect: its connectToShadowDb creates a temporary database but then connects to
  // the main one (pg lets `connectionString` override the `database` field), so migrations were
  // replayed on the real database. We create and drop the temporary database ourselves.
  async connectToShadowDb() {
    if (this.shadowUrl) {
      const shadow = target(this.shadowUrl);
      if (shadow.where === this.main.where && shadow.database === this.main.database) {
        throw new Error('The shadow database you configured appears to be the same as the main database.');
      }
      // The native engine empties a configured shadow database before replaying migrations;
      // the Wasm engine leaves that to the adapter ("best effort reset" of the schema).
      await withClient(shadow, (c) =>
        c.query(
          `DROP SCHEMA IF EXISTS ${quoteIdent(shadow.schema)} CASCADE; CREATE SCHEMA ${quoteIdent(shadow.schema)}`,
        ),
      );
      return connectAdapter(shadow);
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withClient(this.main, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
    const adapter = await connectAdapter(target(this.main.url, name));
    const drop = async () => {
      if (!this.temporary.delete(drop)) return;
      await adapter
        .underlyingDriver()
        .end()
        .catch(() => {});
      // WITH (FORCE) (PostgreSQL 13+): pool connections may not have closed server-side yet.
      await withClient(this.main, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    };
    this.temporary.add(drop);
    adapter.dispose = drop;
    return adapter;
  }

  // The engine disposes the shadow database when it is done, but not when it panics or fails
  // midway, and the CLI kills this process right after the last response: so before answering
  // any request we drop whatever temporary database is still around.
  temporary = new Set();
  dropTemporaryDatabases() {
    return Promise.all([...this.temporary].map((drop) => drop().catch((e) => log('WARN', e.message))));
  }
}

// ---------------------------------------------------------------------------------------------
// The Wasm engine. Importing the package entry fails on Node 20 (it imports a `.wasm` file as an
// ES module), so we do by hand what that entry does: instantiate the .wasm with the JS glue as
// its import object, hand the exports back to the glue, and run the start function (without
// `__wbindgen_start()` the engine fails later with a misleading "expected a string").

let panicMessage;
let wasm;
const loadWasm = () => (wasm ??= instantiateWasm());
async function instantiateWasm() {
  const glue = await import('@prisma/schema-engine-wasm/schema_engine_bg');
  const bytes = await readFile(path.join(wasmDir, 'schema_engine_bg.wasm'));
  const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue });
  glue.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  // The engine's panic hook reports the Rust panic message here before trapping.
  globalThis.PRISMA_WASM_PANIC_REGISTRY = { set_message: (m) => (panicMessage = m) };
  return glue;
}

// JS errors thrown inside the adapter reach the engine as `External error id#N`; the real error
// waits in the bound factory's registry, where rpcError() fetches its message.
const errorRegistries = [];

async function createEngine(datamodelPaths, factory) {
  const { SchemaEngine } = await loadWasm();
  const datamodels = await Promise.all(datamodelPaths.map(async (p) => [p, await readFile(p, 'utf8')]));
  const forwardLog = (line) => process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
  const options = { datamodels: datamodels.length ? datamodels : undefined };
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  errorRegistries.push(bound.errorRegistry);
  return SchemaEngine.new(options, forwardLog, bound);
}

// `migrate diff` between empty and/or Prisma schema files needs no database, and the native engine
// does not connect for it; but SchemaEngine.new always connects and runs one setup query (schema
// exists? server version?). For such diffs we give it an adapter that answers that query alone.
const refuse = async () => {
  throw new Error('No database connection (offline diff).');
};
const offlineAdapter = {
  provider: 'postgres',
  adapterName: '@prisma/adapter-pg',
  getConnectionInfo: () => ({ schemaName: 'public', supportsRelationJoins: true }),
  async queryRaw({ sql }) {
    if (!sql.includes('FROM pg_namespace WHERE nspname')) return refuse();
    const columnTypes = [ColumnTypeEnum.Boolean, ColumnTypeEnum.Text, ColumnTypeEnum.Int32];
    return {
      columnNames: ['exists', 'version', 'numeric_version'],
      columnTypes,
      rows: [[true, 'PostgreSQL 16', 160000]],
    };
  },
  executeRaw: refuse,
  executeScript: refuse,
  startTransaction: refuse,
  dispose: async () => {},
};
const offlineFactory = {
  provider: 'postgres',
  adapterName: '@prisma/adapter-pg',
  connect: async () => offlineAdapter,
};
offlineFactory.connectToShadowDb = offlineFactory.connect;
const needsDatabase = (side) => !['empty', 'schemaDatamodel'].includes(side?.tag);

// ---------------------------------------------------------------------------------------------
// createDatabase is not in the Wasm engine: do it with pg, from the maintenance database.

async function createDatabase(url) {
  const t = target(url);
  const maintenance = target(url, 'postgres');
  await withClient(maintenance, (c) => c.query(`CREATE DATABASE ${quoteIdent(t.database)}`)).catch(
    async (e) => {
      if (e.code !== '3D000') throw e; // no `postgres` database on this server: try template1
      await withClient(target(url, 'template1'), (c) => c.query(`CREATE DATABASE ${quoteIdent(t.database)}`));
    },
  );
  if (t.schema !== 'public')
    await withClient(t, (c) => c.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(t.schema)}`));
  return { databaseName: t.database };
}

// Known connection failures -> the user-facing error codes the CLI reacts to (P1003 makes
// `migrate dev`/`deploy` offer or perform createDatabase).
function userFacing(e, url) {
  const t = target(url);
  if (e.code === '3D000')
    return {
      error_code: 'P1003',
      message: `Database \`${t.database}\` does not exist on the database server at \`${t.where}\`.`,
    };
  if (e.code === '28P01' || e.code === '28000')
    return {
      error_code: 'P1000',
      message: `Authentication failed against database server at \`${t.where}\`, the provided database credentials are not valid.`,
    };
  if (['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(e.code))
    return {
      error_code: 'P1001',
      message: `Can't reach database server at \`${t.where}\`\n\nPlease make sure your database server is running at \`${t.where}\`.`,
    };
  if (e.code === 'ETIMEDOUT')
    return {
      error_code: 'P1002',
      message: `The database server at \`${t.where}\` was reached but timed out.`,
    };
  return { message: e.message || String(e) };
}

// One-shot mode: success is exit 0. On failure the CLI drops the first stderr line and parses
// every other line as JSON, looking for an ERROR with `error_code`.
async function runCli(command, datasource) {
  try {
    if (!datasource.url) throw new Error('No datasource url: set datasource.url in prisma.config.ts.');
    if (command === 'can-connect-to-database')
      await withClient(target(datasource.url), (c) => c.query('SELECT 1'));
    else if (command === 'create-database') await createDatabase(datasource.url);
    else throw new Error(`Unsupported command \`cli ${command}\` (schema-engine Wasm bridge)`);
    return 0;
  } catch (e) {
    const { message, ...code } = userFacing(e, datasource.url);
    log('INFO', `schema-engine Wasm bridge: cli ${command} failed`); // the CLI skips the first line
    log('ERROR', message, code);
    return 1;
  }
}

// ---------------------------------------------------------------------------------------------
// Long-running mode: JSON-RPC over stdin/stdout.

function send(message) {
  // Option::None can come back as `undefined`, which JSON.stringify drops; the CLI tests some
  // fields against null (e.g. `migrationScript === null`), so keep them as null.
  const json = JSON.stringify({ jsonrpc: '2.0', ...message }, (_k, v) =>
    v === undefined ? null : v instanceof Map ? Object.fromEntries(v) : v,
  );
  process.stdout.write(`${json}\n`);
}

function rpcError(e) {
  if (e instanceof WebAssembly.RuntimeError) {
    const message = panicMessage ?? e.message;
    return { code: 4466, message, data: { is_panic: true, message, backtrace: e.stack } };
  }
  // User-facing engine errors carry a Prisma error code (P3005, P3006, ...); the CLI then prints
  // "Error: <code>" and the message. Connector errors end with a tracing span trace, useful only
  // for naming the migration that failed: the native engine reports that case as P3018.
  let code = typeof e?.code === 'string' && /^P\d{4}$/.test(e.code) ? e.code : undefined;
  const jsError = (m, id) =>
    errorRegistries.map((r) => r.consumeError(Number(id))?.error).find(Boolean)?.message ?? m;
  let [message, trace = ''] = (e?.message || String(e))
    .replace(/External error id#(\d+)/g, jsError)
    .split(/\n(?=\s+0: )/);
  const failed = /apply_script\s+with migration_name="([^"]+)"/.exec(trace)?.[1];
  if (!code && failed) {
    code = 'P3018';
    message = `A migration failed to apply. New migrations cannot be applied before the error is recovered from. Read more about how to resolve migration issues in a production database: https://pris.ly/d/migrate-resolve\n\nMigration name: ${failed}\n\n${message.replace(/^external connector error\n/, '')}`;
  }
  return { code: 4466, message, data: { is_panic: false, message, error_code: code, meta: e?.meta } };
}

async function runRpc(datamodelPaths, datasource) {
  // Without a datasource url only database-free diffs can work.
  const factory = datasource?.url ? new BridgeAdapterFactory(datasource) : undefined;
  let engine; // created on the first request, so that connection errors become RPC errors
  const pendingPrints = new Map();
  let printId = 0;
  const printToCli = (content) =>
    new Promise((resolve) => {
      const id = `bridge-print-${++printId}`;
      pendingPrints.set(id, resolve);
      send({ id, method: 'print', params: { content } });
    });

  async function handle(req) {
    const params = req.params ?? {};
    if (req.method === 'createDatabase') return createDatabase(params.datasource?.url ?? datasource?.url);
    if (req.method !== 'diff' || needsDatabase(params.from) || needsDatabase(params.to)) {
      if (!factory) throw new Error('No datasource url: set datasource.url in prisma.config.ts.');
      engine ??= await createEngine(datamodelPaths, factory);
    }
    switch (req.method) {
      case 'getDatabaseVersion':
        return engine.version(req.params);
      case 'dbExecute':
        // The Wasm engine always runs the script on its own connection; refuse another target.
        if (params.datasourceType?.tag === 'url' && params.datasourceType.url !== datasource?.url) {
          throw new Error(
            'The schema-engine Wasm bridge can only execute scripts on the configured datasource.',
          );
        }
        return engine.dbExecute(params);
      case 'diff': {
        // The native engine asks the CLI to print the diff (a `print` request); the Wasm engine
        // returns it in `result.stdout`, which the CLI's binary-engine code path ignores.
        const offline = !needsDatabase(params.from) && !needsDatabase(params.to);
        const result = await (offline ? await createEngine([], offlineFactory) : engine).diff(params);
        if (result?.stdout) await printToCli(result.stdout.replace(/\n$/, ''));
        return { ...result, stdout: null };
      }
      case 'evaluateDataLoss':
      case 'createMigration':
        // The Wasm engine can only replay migrations on a shadow database from diagnoseMigrationHistory
        // (which caches the schema it got by migrations list); these two read that cache and fail on a
        // miss instead. The CLI applies pending migrations just before calling them, so diagnosing now
        // replays exactly this list: warm the cache that way and retry.
        return engine[req.method](params).catch(async (e) => {
          if (!String(e?.message).includes('shadow DB must be provided through an external factory')) throw e;
          const { migrationsList, filters } = params;
          await engine.diagnoseMigrationHistory({ migrationsList, filters, optInToShadowDatabase: true });
          return engine[req.method](params);
        });
      default:
        if (req.method === 'free' || typeof engine[req.method] !== 'function') {
          throw new Error(`Method \`${req.method}\` is not supported by the schema-engine Wasm bridge.`);
        }
        return engine[req.method](req.params);
    }
  }

  // Clean up before every answer: the CLI kills this process as soon as it has the last one.
  const answer = async (id, outcome) => {
    await factory?.dropTemporaryDatabases();
    send({ id, ...outcome });
  };

  // A Rust panic inside an async Wasm callback surfaces as an uncaught RuntimeError rather than a
  // rejected promise, and a panicked Wasm instance cannot be used again: answer the request in
  // flight with a panic error (the CLI prints its message) and stop.
  let inFlight = null;
  process.on('uncaughtException', async (e) => {
    if (inFlight !== null) await answer(inFlight, { error: rpcError(e) });
    else log('ERROR', String(e?.stack ?? e));
    process.exit(101);
  });

  let queue = Promise.resolve(); // one request at a time, in arrival order
  const lines = readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  lines.on('line', (line) => {
    if (!line.trim()) return;
    let msg;
    try {
      msg = JSON.parse(line);
    } catch {
      return send({ id: null, error: { code: -32700, message: 'Parse error' } });
    }
    if (msg.method === undefined) return pendingPrints.get(msg.id)?.(pendingPrints.delete(msg.id)); // CLI's ack of a print
    queue = queue.then(async () => {
      inFlight = msg.id;
      const outcome = await handle(msg).then(
        (result) => ({ result: result ?? null }), // a result must never be undefined
        (e) => ({ error: rpcError(e) }),
      );
      await answer(msg.id, outcome);
      inFlight = null;
      if (outcome.error?.data.is_panic) process.exit(101);
    });
  });
  // The CLI ends stdin (and then kills us) when it is done.
  lines.on('close', () => queue.then(() => process.exit(0)));
}

// ---------------------------------------------------------------------------------------------

function parseArgs(argv) {
  const args = { datamodels: [], datasource: undefined, rest: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--datamodels') args.datamodels.push(path.resolve(argv[++i]));
    else if (a === '--datasource') args.datasource = JSON.parse(argv[++i]);
    else if (a === '--enabled-preview-features' || a === '--extension-types')
      i++; // not used by the Wasm engine
    else args.rest.push(a);
  }
  return args;
}

const argv = process.argv.slice(2);
if (argv.includes('--version') || argv.includes('-V')) {
  process.stdout.write(`schema-engine-wasm-bridge ${wasmPkg.version}\n`);
} else {
  const args = parseArgs(argv);
  if (args.rest[0] === 'cli') process.exit(await runCli(args.rest[1], args.datasource ?? {}));
  await runRpc(args.datamodels, args.datasource);
}
