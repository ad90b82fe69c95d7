#include "plugin-server/registration/appliance_identity.h"

#include <fstream>

#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/StreamSocket.h>

#include "plugin-server/store/clock.h"
#include "vicapi/base/error.h"

namespace vic::server {

namespace fs = std::filesystem;

std::string ensureApplianceId(const fs::path& dataDir) {
  const fs::path file = dataDir / "appliance-id";
  std::string id;
  if (std::ifstream in(file); in) std::getline(in, id);
  if (!id.empty()) return id;
  fs::create_directories(dataDir);
  id = randomId();
  std::ofstream(file) << id << "\n";
  return id;
}

std::string addressTowards(const net::Endpoint& target, const std::string& publicAddress,
                           unsigned short port) {
  if (!publicAddress.empty()) {
    // A bare host takes the listening port; an IPv6 literal comes bracketed.
    const bool hasPort = publicAddress.back() != ']' &&
                         publicAddress.find(':') != std::string::npos &&
                         publicAddress.find(':') == publicAddress.rfind(':');
    const bool bracketedWithPort =
        publicAddress.front() == '[' && publicAddress.find("]:") != std::string::npos;
    if (hasPort || bracketedWithPort) return publicAddress;
    return publicAddress + ":" + std::to_string(port);
  }
  try {
    Poco::Net::StreamSocket probe;
    probe.connect(Poco::Net::SocketAddress(target.host, target.port), Poco::Timespan(5, 0));
    const auto local = probe.address().host();
    probe.close();
    if (local.isWildcard())
      throw UsageError("the local address towards " + target.hostPort() + " is unspecified");
    std::string host = local.toString();
    if (local.family() == Poco::Net::IPAddress::IPv6) host = "[" + host + "]";
    return host + ":" + std::to_string(port);
  } catch (const Poco::Exception& e) {
    throw UsageError("cannot tell which address " + target.hostPort() +
                     " reaches this appliance on (" + e.displayText() + "); set --public-address");
  }
}

}  // namespace vic::server
