#pragma once

#include <optional>
#include <string>

#include "plugin-server/http/exchange.h"
#include "vicapi/util/secret.h"

namespace vic::server {

// How a caller proves who it is: vSphere credentials over HTTP Basic, or a
// vCenter clone ticket in X-VMWARE-TICKET (what the vSphere Client plug-in
// sends). Either way the server acts in vCenter as that caller.
struct Credentials {
  enum class Kind { Basic, Ticket };
  Kind kind = Kind::Basic;
  std::string user;  // Basic only
  Secret password;   // Basic only
  Secret ticket;     // Ticket only
};

// Reads them from the request; 401 with a message when there are none or
// they are malformed. A ticket wins when both are sent, so the result never
// depends on chance as the original's did.
Credentials credentialsOf(Exchange& ex);

}  // namespace vic::server
