#include "tests/support/vcenter_host_socket.h"

#include <Poco/Net/Context.h>

#include "vicapi/tls/init.h"

namespace vic::test {

Poco::Net::SecureServerSocket vcenterHostSocket(const sim::Simulator& vcenter,
                                                const std::string& listen) {
  tls::ensureInitialised();
  Poco::Net::Context::Params params;
  params.certificateFile = vcenter.certificateFile().string();
  params.privateKeyFile = vcenter.keyFile().string();
  params.verificationMode = Poco::Net::Context::VERIFY_NONE;
  Poco::Net::Context::Ptr context =
      new Poco::Net::Context(Poco::Net::Context::TLS_SERVER_USE, params);
  const Poco::Net::SocketAddress address =
      listen.empty() ? Poco::Net::SocketAddress(vcenter.endpoint().host, 0)
                     : Poco::Net::SocketAddress(listen);
  return Poco::Net::SecureServerSocket(address, 64, context);
}

}  // namespace vic::test
