#pragma once

#include "vicapi/engine/model/vch.h"
#include "vicapi/vim/resource_spec.h"

namespace vic::engine {

// The VCH's resource pool (or vApp) settings from its compute limits,
// reservations and shares; what is not set keeps vCenter's default.
vim::ResourceConfigSpec poolSpecOf(const Vch& v);

}  // namespace vic::engine
