#include "plugin-server/api/client_bundle.h"

#include <sstream>

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

namespace vic::server {

std::string clientBundleZip(const engine::VchCertificates& certs) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  const Poco::DateTime now;
  auto add = [&](const std::string& name, const std::string& text) {
    std::istringstream in(text);
    zip.addFile(in, now, Poco::Path(name), Poco::Zip::ZipCommon::CM_DEFLATE,
                Poco::Zip::ZipCommon::CL_NORMAL);
  };
  add("ca.pem", certs.caCertificate);
  add("cert.pem", certs.clientCertificate);
  add("key.pem", certs.clientKey.reveal());
  zip.close();
  return out.str();
}

}  // namespace vic::server
