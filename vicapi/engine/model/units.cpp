#include "vicapi/engine/model/units.h"

#include <array>
#include <utility>

namespace vic::engine {

namespace {

// Factor to bytes for every byte unit we accept; KB/MB/... are decimal, KiB/MiB binary.
std::optional<long double> bytesPer(const std::string& units) {
  static const std::array<std::pair<const char*, long double>, 12> kTable{{
      {"B", 1.0L},
      {"KB", 1e3L},
      {"MB", 1e6L},
      {"GB", 1e9L},
      {"TB", 1e12L},
      {"PB", 1e15L},
      {"KiB", 1024.0L},
      {"MiB", 1048576.0L},
      {"GiB", 1073741824.0L},
      {"TiB", 1099511627776.0L},
      {"PiB", 1125899906842624.0L},
      {"bytes", 1.0L},
  }};
  for (const auto& [name, factor] : kTable)
    if (units == name) return factor;
  return std::nullopt;
}

std::optional<long double> hertzPer(const std::string& units) {
  if (units == "Hz") return 1.0L;
  if (units == "KHz" || units == "kHz") return 1e3L;
  if (units == "MHz") return 1e6L;
  if (units == "GHz") return 1e9L;
  return std::nullopt;
}

long long ceilDiv(long double amount, long double unit) {
  long double v = amount / unit;
  auto whole = static_cast<long long>(v);
  return static_cast<long double>(whole) < v ? whole + 1 : whole;
}

}  // namespace

std::optional<long long> toMHz(const Quantity& q) {
  auto f = hertzPer(q.units);
  if (!f) return std::nullopt;
  return ceilDiv(static_cast<long double>(q.value) * *f, 1e6L);
}

std::optional<long long> toMiB(const Quantity& q) {
  auto f = bytesPer(q.units);
  if (!f) return std::nullopt;
  return ceilDiv(static_cast<long double>(q.value) * *f, 1048576.0L);
}

std::optional<long long> toKB(const Quantity& q) {
  auto f = bytesPer(q.units);
  if (!f) return std::nullopt;
  return ceilDiv(static_cast<long double>(q.value) * *f, 1000.0L);
}

std::optional<long long> toBits(const Quantity& q) {
  if (q.units == "bit" || q.units == "bits" || q.units.empty()) return q.value;
  return std::nullopt;
}

bool knownUnits(Dimension d, const std::string& units) {
  switch (d) {
    case Dimension::Hertz:
      return hertzPer(units).has_value();
    case Dimension::Bytes:
      return bytesPer(units).has_value();
    case Dimension::Bits:
      return units == "bit" || units == "bits";
  }
  return false;
}

std::string unitsList(Dimension d) {
  switch (d) {
    case Dimension::Hertz:
      return "Hz, KHz, MHz or GHz";
    case Dimension::Bytes:
      return "B, KiB, MiB, GiB, TiB, PiB, KB, MB, GB, TB or PB";
    case Dimension::Bits:
      return "bit";
  }
  return "";
}

}  // namespace vic::engine
