// Preloaded into the CLI (`node --require`) by the "disk fills up" case: writes into the staging
// folder fail with ENOSPC after a few files, as on a full disk. Nothing else is touched.
const fs = require('node:fs');
const { syncBuiltinESMExports } = require('node:module');
const writeFileSync = fs.writeFileSync;
let written = 0;
fs.writeFileSync = function (path, ...rest) {
  if (String(path).includes('.bantin-tmp-') && ++written > 20) {
    const err = new Error(`ENOSPC: no space left on device, write '${path}'`);
    Object.assign(err, { code: 'ENOSPC', errno: -28, syscall: 'write', path: String(path) });
    throw err;
  }
  return writeFileSync.call(this, path, ...rest);
};
syncBuiltinESMExports();
