// Preloaded with `node --import` by command-loads.test.ts: appends the URL of every module the process loads
// (ECMAScript modules and require()d ones) to the file named by SHOPPLAN_RECORD_LOADS.
import { appendFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const out = process.env.SHOPPLAN_RECORD_LOADS;
registerHooks({
  load(url, context, nextLoad) {
    appendFileSync(out, `${url}\n`);
    return nextLoad(url, context);
  },
});
