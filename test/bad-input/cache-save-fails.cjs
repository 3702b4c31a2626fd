// Preloaded into the CLI (`node --require`) by the "cache cannot be saved" case: opening the build
// cache's temporary file fails with ENOSPC, as on a full disk; every other write works.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const openSync = fs.openSync;
fs.openSync = function (path, ...rest) {
  if (/build-cache\.bin\.\d+\.tmp$/.test(String(path))) {
    const err = new Error(`ENOSPC: no space left on device, open '${path}'`);
    Object.assign(err, { code: 'ENOSPC', errno: -28, syscall: 'open', path: String(path) });
    throw err;
  }
  return openSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
