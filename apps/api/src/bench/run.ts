// `pnpm bench` (node dist/bench/run.js). The API runs in production mode, as it is deployed:
// graphql-js checks every `instanceof` in development mode, which costs about 5% of a list
// request. graphql reads NODE_ENV once, when it is first imported, so it is set before anything
// imports it, and the benchmark is loaded after.
process.env.NODE_ENV ??= 'production';
// REDRESS_BENCH=fan-out, =api, =scale or =measures runs one of them.
const only = process.env.REDRESS_BENCH;
if (only === undefined || only === 'fan-out') {
  const { fanOutBenchmark } = await import('./fan-out-bench.js');
  await fanOutBenchmark();
}
if (only === undefined || only === 'api') {
  const { apiBenchmark } = await import('./api-bench.js');
  await apiBenchmark();
}
if (only === undefined || only === 'scale') {
  const { listScaleBenchmark } = await import('./list-scale-bench.js');
  await listScaleBenchmark();
}
if (only === undefined || only === 'measures') {
  const { measuresBenchmark } = await import('./measures-bench.js');
  await measuresBenchmark();
}
process.exit(0);
