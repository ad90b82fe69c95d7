// A merge-patch (RFC 7386) against a VCH, as PATCH applies it: the base and
// the patch, separated by a line "---", both parsed with the nesting limit.
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/engine/model/vch_json.h"
#include "vicapi/util/bounded_json.h"

using namespace vic;
using nlohmann::json;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [baseText, patchText] = fuzz::split(fuzz::text(data, size), "\n---\n");
  json base, patch;
  try {
    base = parseJson(baseText);
    patch = parseJson(patchText);
  } catch (const BadJson&) {
    return 0;
  }
  engine::Issues issues;
  json merged = engine::vchToJson(engine::vchFromJson(base, issues), false);
  merged.merge_patch(patch);
  engine::Issues after;
  const auto vch = engine::vchFromJson(merged, after);
  engine::issuesToJson(after).dump();
  engine::vchToJson(vch, true).dump(-1, ' ', false, json::error_handler_t::replace);
  return 0;
}
