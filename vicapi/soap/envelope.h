#pragma once

#include <string>

#include "vicapi/soap/node.h"

namespace vic::soap {

// The response element inside a SOAP answer to `method` (its Envelope's
// Body's first child). Throws the typed fault when the answer is a SOAP
// fault, and ProtocolError when it is not an envelope at all.
Node unwrapEnvelope(const std::string& method, Node envelope);

}  // namespace vic::soap
