#pragma once

#include "vicapi/cli/args.h"

namespace vic::cli {

Command inventoryCommand();
Command thumbprintCommand();
Command versionCommand();

}  // namespace vic::cli
