#pragma once

#include <string>

#include "vicapi/net/endpoint.h"
#include "vicapi/tls/trust.h"
#include "vicapi/util/secret.h"

namespace vic::server {

// The remote plug-in handshake, as the vSphere Client SDK documents it: the
// UI's session token goes to the vSphere Client's
// POST /api/ui/vcenter/session/clone-ticket (header vmware-api-session-id,
// body {"vc_guid": <vCenter instance UUID>}), which answers
// {"session_clone_ticket": ...}. The ticket is good for one CloneSession on
// that vCenter. Throws Unauthenticated when the token is refused, Unavailable when the
// vSphere Client cannot be reached.
Secret cloneTicketForToken(const net::Endpoint& vsphereClient, const tls::Trust& trust,
                           const Secret& token, const std::string& vcenterGuid);

// Where the vSphere Client answers for `target`: `given` (https://host[:port],
// from the vmware-api-ui-endpoint header) when its host is the target's, else
// the target itself. Any other host is refused with 400: the token must only
// ever be shown to the vCenter it belongs to.
net::Endpoint vsphereClientEndpoint(const net::Endpoint& target, const std::string& given);

}  // namespace vic::server
