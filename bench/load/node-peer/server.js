'use strict';
// The Node.js peer of bench/load: the bench's trivial webhook (n0) and its signed ingest webhook (n), rewritten with
// Express and the official MongoDB driver, as a team leaving Atlas App Services would otherwise write them. Same URLs,
// same answers: LoadBench checks the bytes against the filter's before it measures.
//
// Environment: MONGODB_URI, WEBHOOK_SECRET, WORKERS (0: serve from this one process; N: Node's cluster with N workers).
// Prints {"port": N} on stdout once every server listens on 127.0.0.1 (port 0: the system picks). Each line "cpu" on
// stdin is answered with {"cpuMicros": N} on stdout: the user + system CPU time of this process and, in cluster mode,
// of every worker (each asked over the cluster's IPC channel for its own process.cpuUsage()).
const cluster = require('node:cluster');
const crypto = require('node:crypto');
const readline = require('node:readline');
const express = require('express');
const { MongoClient, ObjectId } = require('mongodb');

const BASE = '/api/client/v2.0/app/myapp-abcde/service/svc/incoming_webhook/';
const SIGNATURE = 'X-Hook-Signature';
const workers = Number(process.env.WORKERS || 0);

if (workers > 0 && cluster.isPrimary) {
  primary();
} else {
  serve().catch((e) => {
    console.error(e);
    process.exit(1);
  });
}

async function serve() {
  const secret = process.env.WEBHOOK_SECRET;
  const client = new MongoClient(process.env.MONGODB_URI);
  await client.connect();
  const events = client.db('bench').collection('events');

  const app = express();
  // Lean settings, as Tomcat sends neither: no X-Powered-By header, no ETag hashed over each answer.
  app.disable('x-powered-by');
  app.disable('etag');

  app.get(BASE + 'trivial', (req, res) => {
    json(res, 200, { ok: true });
  });

  // The signature is over the raw bytes, so the body is read raw and parsed only once it is verified.
  app.post(BASE + 'ingest', express.raw({ type: () => true }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const given = req.get(SIGNATURE);
    if (given === undefined) return authFailed(res, `missing ${SIGNATURE} header`);
    const expected = Buffer.from('sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex'));
    const actual = Buffer.from(given);
    if (actual.length !== expected.length || !crypto.timingSafeEqual(actual, expected)) {
      return authFailed(res, `invalid signature in ${SIGNATURE}`);
    }
    await events.insertOne(JSON.parse(body.toString('utf8')));
    json(res, 200, { ok: true });
  });

  const server = app.listen(0, '127.0.0.1', () => {
    if (cluster.isWorker) return; // the primary reports the shared port
    console.log(JSON.stringify({ port: server.address().port }));
    control(async () => cpuMicros());
  });
  if (cluster.isWorker) {
    process.on('message', (message) => {
      if (message === 'cpu') process.send({ cpuMicros: cpuMicros() });
    });
  }
}

/** What the filter answers for a rejected signature: 401 and its {"error","error_code","link"} body. */
function authFailed(res, message) {
  json(res, 401, {
    error: message,
    error_code: 'IncomingWebhookAuthFailed',
    link: 'hookstead:invocation:' + new ObjectId().toHexString(),
  });
}

/**
 * The filter answers plain application/json: Node's own setHeader, as Express's res.type() and res.set() add
 * "; charset=utf-8", and a Buffer, which res.send() sends as it is.
 */
function json(res, status, value) {
  res.setHeader('Content-Type', 'application/json');
  res.status(status).send(Buffer.from(JSON.stringify(value)));
}

function primary() {
  for (let i = 0; i < workers; i++) cluster.fork();
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening === workers) {
      console.log(JSON.stringify({ port: address.port }));
      control(clusterCpuMicros);
    }
  });
  // A lost worker would leave the others to carry the load: fail the run rather than skew it.
  cluster.on('exit', (worker, code, signal) => {
    console.error(`node peer: worker ${worker.process.pid} exited (${signal || code})`);
    process.exit(1);
  });
}

/** The primary's own CPU time plus each worker's, as the worker reports it. */
async function clusterCpuMicros() {
  const asked = Object.values(cluster.workers).map((worker) => new Promise((resolve) => {
    worker.once('message', (message) => resolve(message.cpuMicros));
    worker.send('cpu');
  }));
  const each = await Promise.all(asked);
  return each.reduce((sum, micros) => sum + micros, cpuMicros());
}

function cpuMicros() {
  const usage = process.cpuUsage();
  return usage.user + usage.system;
}

/** Answers each "cpu" line on stdin; the bench's end (stdin closed) ends the peer. */
function control(measure) {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on('line', async (line) => {
    if (line.trim() === 'cpu') console.log(JSON.stringify({ cpuMicros: await measure() }));
  });
  lines.on('close', () => process.exit(0));
}
