// Copy vis-timeline's self-contained build (dist/: its dependencies bundled, no styles injected at run time) from node_modules into graph/explore/assets/vendor (run after `npm ci`).
// The explorer and /timeline serve it from our own origin (or inline it in a standalone page); never a CDN.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const source = path.join(root, "node_modules", "vis-timeline");
const target = path.join(root, "graph", "explore", "assets", "vendor");
fs.mkdirSync(target, { recursive: true });
fs.copyFileSync(path.join(source, "dist", "vis-timeline-graph2d.min.js"),
                path.join(target, "vis-timeline-graph2d.min.js"));
fs.copyFileSync(path.join(source, "dist", "vis-timeline-graph2d.min.css"),
                path.join(target, "vis-timeline-graph2d.min.css"));
const version = require(path.join(source, "package.json")).version;
fs.writeFileSync(path.join(target, "VERSION"), `vis-timeline ${version}\n`);
console.log(`copied vis-timeline ${version} into ${path.relative(root, target)}`);
