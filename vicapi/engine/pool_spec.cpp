#include "vicapi/engine/pool_spec.h"

namespace vic::engine {

namespace {

void apply(const ResourceSettings& s, vim::ResourceAllocation& a) {
  if (s.limit) a.limit = s.limit->value;
  if (s.reservation) a.reservation = s.reservation->value;
  if (!s.shares) return;
  if (s.shares->number) {
    a.sharesLevel = "custom";
    a.shares = *s.shares->number;
  } else if (!s.shares->level.empty()) {
    a.sharesLevel = s.shares->level;
  }
}

}  // namespace

vim::ResourceConfigSpec poolSpecOf(const Vch& v) {
  vim::ResourceConfigSpec spec;
  apply(v.compute.cpu, spec.cpu);
  apply(v.compute.memory, spec.memory);
  return spec;
}

}  // namespace vic::engine
