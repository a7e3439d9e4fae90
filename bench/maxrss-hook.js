'use strict';
// Loaded with --require into the modelcard-lint child: writes its resource usage at exit.
const fs = require('node:fs');
const file = process.env.MODELCARD_BENCH_RSS_FILE;
if (file && require('node:worker_threads').isMainThread) process.on('exit', () => fs.writeFileSync(file, JSON.stringify(process.resourceUsage())));
