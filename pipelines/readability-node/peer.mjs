// Mozilla's Readability (with jsdom) over the extraction dev pages, the way PeerExtractors runs the JVM peers:
// one page at a time, WARMUPS warm-up passes (the first gives the bodies to score), then ROUNDS timed passes;
// speed is pages per CPU second of this process (process.cpuUsage: user + system, GC threads included).
//   node peer.mjs DATA_DIR ROUNDS WARMUPS BODIES_JSONL
// Prints one line per timed pass; writes {"file", "body"} lines (body null when Readability found no article).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { JSDOM, VirtualConsole } from "jsdom";
import { Readability } from "@mozilla/readability";

const [dataDir, roundsArg, warmupsArg, bodiesOut] = process.argv.slice(2);
if (!dataDir || !bodiesOut) {
  console.error("usage: node peer.mjs DATA_DIR ROUNDS WARMUPS BODIES_JSONL");
  process.exit(2);
}
const rounds = Number(roundsArg ?? 5);
const warmups = Number(warmupsArg ?? 8);
const rows = readFileSync(join(dataDir, "labels.jsonl"), "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l));
const pages = rows.map((r) => ({ file: r.file, bytes: readFileSync(join(dataDir, r.file)) }));
const quiet = new VirtualConsole(); // pages' own CSS/script errors are not ours to print

function body(page) {
  // A Buffer lets jsdom sniff the charset (BOM, <meta charset>, else windows-1252) as a browser would.
  const dom = new JSDOM(page.bytes, { url: pathToFileURL(join(dataDir, page.file)).href, contentType: "text/html", virtualConsole: quiet });
  try {
    const article = new Readability(dom.window.document).parse();
    return article ? article.textContent : null;
  } finally {
    dom.window.close();
  }
}

const perSecond = [];
for (let pass = -warmups; pass < rounds; pass++) {
  const bodies = [];
  const cpu0 = process.cpuUsage();
  for (const page of pages) {
    let b;
    try {
      b = body(page);
    } catch (e) {
      b = null;
    }
    if (pass === -warmups) bodies.push({ file: page.file, body: b });
    // jsdom frees a closed window's memory only once the event loop turns: without this the heap grows by a few
    // MB a page until Node runs out of memory (a server would handle each page in its own task anyway)
    await new Promise((resolve) => setImmediate(resolve));
  }
  const cpu = process.cpuUsage(cpu0);
  const seconds = (cpu.user + cpu.system) / 1e6;
  if (pass === -warmups) writeFileSync(bodiesOut, bodies.map((b) => JSON.stringify(b)).join("\n") + "\n");
  if (pass >= 0) {
    perSecond.push(pages.length / seconds);
    console.log(`readability-node pass ${pass}: ${(pages.length / seconds).toFixed(1)} pages per CPU s`);
  }
}
const sorted = [...perSecond].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
console.log(`readability-node pages_per_cpu_s=${median.toFixed(1)} (passes: ${perSecond.map((v) => v.toFixed(1)).join(", ")}) node=${process.version}`);
