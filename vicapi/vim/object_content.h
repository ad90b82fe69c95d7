#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "vicapi/soap/node.h"
#include "vicapi/vim/moref.h"

namespace vic::vim {

// One object of a property collector's answer: its reference, the
// properties asked for that it has, and those it could not give.
struct ObjectContent {
  Moref obj;
  std::vector<std::pair<std::string, soap::Node>> props;     // path -> <val>
  std::vector<std::pair<std::string, std::string>> missing;  // path -> fault type

  const soap::Node* prop(std::string_view path) const;
  std::string text(std::string_view path, std::string fallback = {}) const;
};

// One <objects> element of a RetrieveResult as an ObjectContent.
ObjectContent readObjectContent(soap::Node&& objects);
// Moves a RetrieveResult's <objects> into `out`; returns the continuation
// token, empty when there is none.
std::string readRetrieveResult(soap::Node&& returnval, std::vector<ObjectContent>& out);

}  // namespace vic::vim
