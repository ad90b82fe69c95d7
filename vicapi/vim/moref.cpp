#include "vicapi/vim/moref.h"

#include "vicapi/base/error.h"

namespace vic::vim {

Moref Moref::parse(const std::string& text) {
  auto colon = text.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
    throw UsageError("\"" + text + "\" is not a managed object reference of the form Type:value");
  return {text.substr(0, colon), text.substr(colon + 1)};
}

soap::Node Moref::node(std::string elementName) const {
  soap::Node n(std::move(elementName));
  n.typeAttr = type;
  n.text = value;
  return n;
}

}  // namespace vic::vim
