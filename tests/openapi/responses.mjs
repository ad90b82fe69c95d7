// Checks every answer the server tests received (recorded by the tests'
// ApiClient as JSON lines) against openapi.json: the operation must exist,
// document the status, and a JSON body must match the status's schema.
import { readFileSync } from "node:fs";

import SwaggerParser from "@apidevtools/swagger-parser";
import Ajv from "ajv";

const [documentFile, recordFile] = process.argv.slice(2);
if (!documentFile || !recordFile) {
  console.error("usage: node responses.mjs openapi.json responses.jsonl");
  process.exit(2);
}

let lines;
try {
  lines = readFileSync(recordFile, "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l));
} catch (err) {
  console.error(`no answers recorded (${err.message}): run the server tests first`);
  process.exit(1);
}

// The document itself is the schema store: its $refs (recursive ones too)
// resolve inside it.
const api = JSON.parse(readFileSync(documentFile, "utf8"));
await SwaggerParser.validate(structuredClone(api));
// Formats (uri-reference, password, ipv4) are the document's prose for people here.
const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(api, "openapi.json");
const pointer = (...parts) => parts.map((p) => String(p).replace(/~/g, "~0").replace(/\//g, "~1")).join("/");
const operations = [];
for (const [path, item] of Object.entries(api.paths)) {
  const pattern = new RegExp("^" + path.replace(/\{[^}]+\}/g, "[^/]+") + "$");
  for (const [method, op] of Object.entries(item)) {
    if (method === "parameters") continue;
    operations.push({ method: method.toUpperCase(), path, method_: method, pattern, op, validators: new Map() });
  }
}

function operationOf(method, path) {
  const m = method === "HEAD" ? "GET" : method;
  // The most specific template first: a literal segment beats a parameter.
  const found = operations.filter((o) => o.method === m && o.pattern.test(path));
  found.sort((a, b) => (b.path.match(/\{/g) ? -b.path.match(/\{/g).length : 0) - (a.path.match(/\{/g) ? -a.path.match(/\{/g).length : 0));
  return found[0];
}

// A documented response may be a $ref to components/responses.
function resolve(node) {
  while (node && node.$ref) {
    node = node.$ref.replace(/^#\//, "").split("/").reduce((n, k) => n?.[k.replace(/~1/g, "/").replace(/~0/g, "~")], api);
  }
  return node;
}

function validatorFor(o, status) {
  const key = String(status);
  if (o.validators.has(key)) return o.validators.get(key);
  const code = [key, `${key[0]}XX`, "default"].find((k) => o.op.responses?.[k]);
  let v = { documented: false };
  if (code) {
    const response = o.op.responses[code];
    const content = resolve(response)?.content?.["application/json"];
    let ref = null;
    if (content?.schema) {
      ref = response.$ref
        ? response.$ref + "/" + pointer("content", "application/json", "schema")
        : "#/" + pointer("paths", o.path, o.method_, "responses", code, "content", "application/json", "schema");
    }
    v = { documented: true, validate: ref ? ajv.compile({ $ref: "openapi.json" + ref }) : null };
  }
  o.validators.set(key, v);
  return v;
}

const problems = new Map();
const checked = new Set();
let validated = 0;
for (const r of lines) {
  // What no route serves (404 for unknown paths, 405, malformed requests) is
  // answered by the server's framing, documented once as Error.
  const o = operationOf(r.method, r.path);
  if (!o) continue;
  checked.add(`${o.method} ${o.path}`);
  const v = validatorFor(o, r.status);
  const where = `${o.method} ${o.path} -> ${r.status}`;
  if (!v.documented) {
    problems.set(where, "this status is not documented");
    continue;
  }
  if (!v.validate || !r.json || r.method === "HEAD") continue;
  validated++;
  if (!v.validate(r.body)) {
    const first = v.validate.errors.slice(0, 3).map((e) => `${e.instancePath || "(body)"} ${e.message}`);
    problems.set(where, first.join("; "));
  }
}

const untouched = operations.filter((o) => !checked.has(`${o.method} ${o.path}`)).map((o) => `${o.method} ${o.path}`);
console.log(`${lines.length} answers recorded, ${validated} JSON bodies checked against their schemas, ` +
  `${checked.size} of ${operations.length} operations exercised`);
// Every operation is answered at least once, so that none escapes the check.
for (const u of untouched) problems.set(u, "not exercised by the server tests");
if (problems.size) {
  for (const [where, what] of problems) console.error(`${where}: ${what}`);
  process.exit(1);
}
