#include "vicapi/tls/init.h"

#include <mutex>

#include <Poco/Net/SSLManager.h>

namespace vic::tls {

void ensureInitialised() {
  static std::once_flag once;
  std::call_once(once, [] { Poco::Net::initializeSSL(); });
}

}  // namespace vic::tls
