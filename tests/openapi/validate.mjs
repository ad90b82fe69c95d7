// Checks the server's OpenAPI document with swagger-parser (the OpenAPI 3
// schema plus its semantic rules), then the project's own conventions: every
// operation is named and documents its error answers with the Error schema.
import SwaggerParser from "@apidevtools/swagger-parser";

const file = process.argv[2];
if (!file) {
  console.error("usage: node validate.mjs openapi.json");
  process.exit(2);
}

const problems = [];
let api;
try {
  api = await SwaggerParser.validate(file);
} catch (err) {
  console.error(`${file} is not a valid OpenAPI document: ${err.message}`);
  process.exit(1);
}
if (!String(api.openapi).startsWith("3.")) problems.push(`openapi is ${api.openapi}, expected 3.x`);

const methods = ["get", "put", "post", "delete", "patch", "head", "options"];
const ids = new Set();
let operations = 0;
for (const [path, item] of Object.entries(api.paths)) {
  for (const method of methods) {
    const op = item[method];
    if (!op) continue;
    operations++;
    const where = `${method.toUpperCase()} ${path}`;
    if (!op.operationId) problems.push(`${where} has no operationId`);
    else if (ids.has(op.operationId)) problems.push(`${where} repeats operationId ${op.operationId}`);
    ids.add(op.operationId);
    const codes = Object.keys(op.responses ?? {});
    if (!codes.some((c) => c.startsWith("2"))) problems.push(`${where} documents no success answer`);
    for (const code of codes.filter((c) => /^[45]/.test(c))) {
      const content = op.responses[code].content ?? {};
      const json = content["application/json"];
      const text = content["text/plain"];
      if (!json && !text) problems.push(`${where} ${code} has no body`);
      if (json && !json.schema?.properties?.message) problems.push(`${where} ${code} does not use the Error schema`);
    }
  }
}

if (problems.length) {
  for (const p of problems) console.error(p);
  process.exit(1);
}
console.log(`${file}: valid OpenAPI ${api.openapi}, ${operations} operations on ${Object.keys(api.paths).length} paths`);
