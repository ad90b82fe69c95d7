#pragma once

#include <map>
#include <string>

#include "vicapi/soap/node.h"

namespace vic::vim {

// An ArrayOfOptionValue (a VM's config.extraConfig, a host's advanced
// options) as key to value; a key given twice keeps its last value.
using OptionValues = std::map<std::string, std::string>;
OptionValues fromOptionValues(const soap::Node& arrayOfOptionValue);

}  // namespace vic::vim
