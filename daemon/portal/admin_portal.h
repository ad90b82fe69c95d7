#pragma once

#include <memory>
#include <string>

#include <Poco/Net/HTTPServer.h>
#include <Poco/Net/SocketAddress.h>

namespace vic::endpoint {

class EndpointRuntime;
class PortalSessions;

// The VCH's admin portal (2378, HTTPS with the VCH's certificate): a vSphere
// login or a client certificate of the VCH's CAs, then a dashboard of the
// daemon's version, its vCenter connection, the datastores' free space, the
// Docker endpoint and uptime, and the daemon's log as a download.
class AdminPortal {
 public:
  AdminPortal(EndpointRuntime& runtime, const Poco::Net::SocketAddress& listen,
              const Poco::Net::SocketAddress& dockerEndpoint, std::string logFile);
  ~AdminPortal();
  Poco::Net::SocketAddress address() const;

 private:
  std::shared_ptr<PortalSessions> sessions_;
  std::unique_ptr<Poco::Net::HTTPServer> server_;
  Poco::Net::SocketAddress address_;
};

}  // namespace vic::endpoint
