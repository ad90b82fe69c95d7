#include "vicapi/vim/object_content.h"

namespace vic::vim {

using soap::Node;

const Node* ObjectContent::prop(std::string_view path) const {
  for (const auto& [name, val] : props)
    if (name == path) return &val;
  return nullptr;
}

std::string ObjectContent::text(std::string_view path, std::string fallback) const {
  const Node* n = prop(path);
  return n ? n->text : fallback;
}

ObjectContent readObjectContent(Node&& o) {
  ObjectContent oc;
  oc.props.reserve(o.children.size());
  for (Node& c : o.children) {
    if (c.name == "obj") {
      oc.obj = Moref::from(c);
    } else if (c.name == "propSet") {
      Node val("val");
      std::string name;
      for (Node& part : c.children) {
        if (part.name == "val") val = std::move(part);
        if (part.name == "name") name = std::move(part.text);
      }
      oc.props.emplace_back(std::move(name), std::move(val));
    } else if (c.name == "missingSet") {
      std::string type;
      if (const Node* f = c.find("fault"))
        if (const Node* inner = f->find("fault")) type = inner->xsiType;
      oc.missing.emplace_back(c.textOf("path"), type);
    }
  }
  return oc;
}

std::string readRetrieveResult(Node&& returnval, std::vector<ObjectContent>& out) {
  out.reserve(out.size() + returnval.children.size());
  for (Node& o : returnval.children)
    if (o.name == "objects") out.push_back(readObjectContent(std::move(o)));
  return returnval.textOf("token");
}

}  // namespace vic::vim
