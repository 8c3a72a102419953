import { parentPort, workerData } from 'node:worker_threads';
import { generateDemoCustomers } from '../../shared/demo-data/generate-demo-customers';
import { demoProgram } from '../../shared/testing/demo-program';
import type { GenerateRequest, GeneratedChunk, GeneratorSettings } from './generate-protocol';

/**
 * The demo generator in a worker thread (seed-chain.ts): chunks of customers, made while the
 * main thread writes the previous ones, and sent back as plain data.
 */
const settings = workerData as GeneratorSettings;
const port = parentPort;
if (!port) throw new Error('generate-worker.ts runs as a worker thread');

port.on('message', (request: GenerateRequest) => {
  const started = performance.now();
  const demo = generateDemoCustomers(
    settings.seed,
    request.from,
    request.count,
    settings.now,
    demoProgram,
  );
  const answer: GeneratedChunk = {
    from: request.from,
    customers: demo.customers,
    cards: demo.cards,
    ledger: demo.ledger,
    generateMs: performance.now() - started,
  };
  port.postMessage(answer);
});
