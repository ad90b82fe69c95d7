#include "vicapi/vim/option_values.h"

namespace vic::vim {

OptionValues fromOptionValues(const soap::Node& list) {
  OptionValues kv;
  for (const auto& o : list.children)
    kv[o.textOf("key")] = o.textOf("value");
  return kv;
}

}  // namespace vic::vim
