// vic-machine thumbprint: shows what a server presents, to decide on pinning.
#include <iostream>

#include <Poco/Util/Option.h>

#include "vicapi/base/error.h"
#include "vicapi/cli/commands.h"
#include "vicapi/net/endpoint.h"
#include "vicapi/tls/thumbprint.h"

namespace vic::cli {

namespace {

void thumbprintOptions(Poco::Util::OptionSet& o) {
  o.addOption(Poco::Util::Option("target", "t", "host[:port] to read the certificate of")
                  .required(true)
                  .argument("host"));
}

int runThumbprint(const Args& args) {
  args.expectNoPositional();
  auto e = net::Endpoint::parse(args.get("target"));
  auto cert = tls::readServerCertificate(e.host, e.port, std::chrono::seconds(10));
  std::cout << "Subject: " << cert.subject << "\nIssuer:  " << cert.issuer
            << "\nSHA-1:   " << cert.sha1 << "\nSHA-256: " << cert.sha256 << "\n";
  return kOk;
}

}  // namespace

Command thumbprintCommand() {
  return {"thumbprint", "print the certificate thumbprints of a server, to pass as --thumbprint",
          &thumbprintOptions, &runThumbprint};
}

}  // namespace vic::cli
