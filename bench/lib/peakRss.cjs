// Preloaded into a benchmarked process (`node --require`): on exit, writes its peak resident set
// size in kilobytes to the file named by POOL_GUIDE_PEAK_RSS_FILE.
const fs = require('node:fs');

process.on('exit', () => {
  if (process.env.POOL_GUIDE_PEAK_RSS_FILE) fs.writeFileSync(process.env.POOL_GUIDE_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
