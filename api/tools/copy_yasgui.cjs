// Copy the built YASGUI files from node_modules into api/static/yasgui (run after `npm ci`).
// The server serves them from its own origin; nothing is loaded from a CDN.
const fs = require("fs");
const path = require("path");
const root = path.resolve(__dirname, "..", "..");
const source = path.join(root, "node_modules", "@zazuko", "yasgui", "build");
const target = path.join(root, "api", "static", "yasgui");
fs.mkdirSync(target, { recursive: true });
for (const name of ["yasgui.min.js", "yasgui.min.css"]) {
  fs.copyFileSync(path.join(source, name), path.join(target, name));
}
const version = require(path.join(root, "node_modules", "@zazuko", "yasgui", "package.json")).version;
fs.writeFileSync(path.join(target, "VERSION"), `@zazuko/yasgui ${version}\n`);
console.log(`copied @zazuko/yasgui ${version} into ${path.relative(root, target)}`);
