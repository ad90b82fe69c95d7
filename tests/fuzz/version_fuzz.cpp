// Versions from vCenter and from callers: vX.Y.Z-build-commit read without
// regex, dotted plug-in versions compared, upgrade status decided. A version
// read and written reads the same again; comparison is antisymmetric.
#include "tests/fuzz/fuzz_support.h"
#include "vicapi/engine/upgrade_status.h"
#include "vicapi/version/version.h"

using namespace vic;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto [first, second] = fuzz::split(fuzz::text(data, size), "\n");
  const std::string a(first), b(second);
  if (auto v = version::Version::parse(a)) {
    auto again = version::Version::parse(v->str());
    fuzz::require(again.has_value(), "a version written does not read back");
    fuzz::require(again->major == v->major && again->minor == v->minor &&
                      again->patch == v->patch && again->build == v->build &&
                      again->commit == v->commit,
                  "a version reads back differently");
  }
  const int ab = version::compareDotted(a, b), ba = version::compareDotted(b, a);
  fuzz::require(ab == -ba, "compareDotted is not antisymmetric");
  fuzz::require(version::compareDotted(a, a) == 0, "a version differs from itself");
  const auto appliance = version::Version::parse("v1.6.0-100-abcdef0");
  engine::upgradeStatus(*appliance, a, !b.empty());
  return 0;
}
