// A VCH body as a caller sends it: parsed with the nesting limit, decoded
// with its schema checks, then checked by every rule that needs no vCenter.
// Only the documented errors come out, and a body that decodes cleanly is
// written back as JSON that decodes to the same body.
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/engine/validate/validator.h"
#include "vicapi/util/bounded_json.h"

using namespace vic;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  json body;
  try {
    body = parseJson(fuzz::text(data, size));
  } catch (const BadJson&) {
    return 0;
  }
  engine::Issues schema;
  const engine::Vch vch = engine::vchFromJson(body, schema);
  engine::issuesToJson(schema).dump();
  if (!schema.empty()) return 0;

  const json written = engine::vchToJson(vch, false);
  written.dump(-1, ' ', false, json::error_handler_t::replace);
  engine::Issues again;
  const engine::Vch reread = engine::vchFromJson(written, again);
  fuzz::require(again.empty(), "a VCH this server wrote does not read back");
  fuzz::require(engine::vchToJson(reread, false) == written, "a VCH reads back differently");

  engine::ValidationOptions options;
  options.applianceVersion = "v1.6.0-1-abcdef0";
  engine::ResolvedVch out;
  engine::issuesToJson(engine::checkBodyRules(vch, options, out)).dump();
  return 0;
}
