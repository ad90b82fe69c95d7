#pragma once

#include <compare>
#include <ostream>
#include <string>

#include "vicapi/soap/node.h"

namespace vic::vim {

// A ManagedObjectReference. Values are opaque: vcsim's datastore values hold
// '/', '@' and brackets, so they are never parsed, only compared and echoed.
struct Moref {
  std::string type;
  std::string value;

  bool empty() const { return value.empty(); }
  std::string str() const { return type + ":" + value; }  // "VirtualMachine:vm-42"
  // Parses "Type:value". Throws UsageError when there is no type.
  static Moref parse(const std::string& text);
  static Moref from(const soap::Node& node) { return {node.typeAttr, node.text}; }
  soap::Node node(std::string elementName) const;

  auto operator<=>(const Moref&) const = default;
};

inline std::ostream& operator<<(std::ostream& os, const Moref& m) {
  return os << m.str();
}

}  // namespace vic::vim
