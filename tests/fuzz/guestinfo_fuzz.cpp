// A VM's extraConfig as vCenter returns it, one "key=value" per line: read
// back into JSON (unflatten), written out again (flatten), and decoded into
// the VCH it describes. Writing what was read, then reading and writing it
// again, changes nothing.
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/engine/guestinfo/flatten.h"
#include "vicapi/engine/guestinfo/vch_config.h"

using namespace vic;
namespace gi = vic::engine::guestinfo;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  gi::KeyValues kv;
  std::string_view rest = fuzz::text(data, size);
  while (!rest.empty()) {
    auto [line, next] = fuzz::split(rest, "\n");
    rest = next;
    auto [key, value] = fuzz::split(line, "=");
    kv[std::string(key)] = std::string(value);
  }
  const std::string prefix = std::string(gi::kConfigPrefix) + "/";
  const auto written = gi::flatten(gi::unflatten(kv, prefix), prefix);
  const auto rewritten = gi::flatten(gi::unflatten(written, prefix), prefix);
  fuzz::require(written == rewritten, "flatten(unflatten()) is not stable");

  const auto stored = gi::decode(kv);
  gi::decodeSummary(kv);
  gi::isVch(kv, "VirtualMachine:vm-1");
  gi::placementToJson(stored.placement)
      .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return 0;
}
