#pragma once

#include "vicapi/cli/args.h"

namespace vic::cli {

Command createCommand();
Command lsCommand();
Command inspectCommand();
Command configureCommand();
Command upgradeCommand();
Command deleteCommand();
Command updateCommand();
Command inventoryCommand();
Command thumbprintCommand();
Command versionCommand();

}  // namespace vic::cli
