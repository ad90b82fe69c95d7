#pragma once

namespace vic::tls {

// Initialises Poco's OpenSSL layer once per process; every TLS user calls it.
void ensureInitialised();

}  // namespace vic::tls
