#pragma once

#include <optional>
#include <string>

#include "vicapi/engine/model/issues.h"

namespace vic::engine {

// A {value, units} object of the 1.5 API.
struct Quantity {
  long long value = 0;
  std::string units;
  bool operator==(const Quantity&) const = default;
};

enum class Dimension {
  Hertz,  // Hz, KHz, MHz, GHz (decimal)
  Bytes,  // B, KiB, MiB, GiB, TiB, PiB (binary); KB, MB, ... also accepted (decimal)
  Bits,   // bit (the 1.5 UI) or bits (VIC's own tests)
};

// Canonical values the engine works in, rounded up like the original:
// MHz for CPU, MiB for memory, KB (1000 bytes) for image sizes, bits for keys.
std::optional<long long> toMHz(const Quantity& q);
std::optional<long long> toMiB(const Quantity& q);
std::optional<long long> toKB(const Quantity& q);
std::optional<long long> toBits(const Quantity& q);

bool knownUnits(Dimension d, const std::string& units);
std::string unitsList(Dimension d);

}  // namespace vic::engine
