#include "vicapi/soap/envelope.h"

#include "vicapi/net/errors.h"
#include "vicapi/soap/fault.h"

namespace vic::soap {

Node unwrapEnvelope(const std::string& method, Node env) {
  Node* body = nullptr;
  for (auto& c : env.children)
    if (c.name == "Body") body = &c;
  if (env.name != "Envelope" || !body || body->children.empty())
    throw ProtocolError("the answer to " + method + " is not a SOAP envelope");
  Node& first = body->children.front();
  if (first.name == "Fault") throwSoapFault(method, first);
  return std::move(first);
}

}  // namespace vic::soap
