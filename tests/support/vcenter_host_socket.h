#pragma once

#include <Poco/Net/SecureServerSocket.h>

#include <string>

#include "vicapi/sim/simulator.h"

namespace vic::test {

// A listening HTTPS socket that presents the simulated vCenter's own
// certificate, as the vSphere Client's endpoints on the vCenter host do
// (pinning that thumbprint then trusts them too). Empty listen: the vCenter's
// address on a free port.
Poco::Net::SecureServerSocket vcenterHostSocket(const sim::Simulator& vcenter,
                                                const std::string& listen = {});

}  // namespace vic::test
