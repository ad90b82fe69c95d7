#pragma once

#include <memory>

#include <Poco/Util/OptionSet.h>

#include "vicapi/cli/args.h"
#include "vicapi/sim/simulator.h"
#include "vicapi/vim/client.h"

namespace vic::cli {

// --target, --user, --password, --thumbprint, --ca-file, --timeout
void addTargetOptions(Poco::Util::OptionSet& options);

// A logged-in client. Without --target this is the embedded simulated
// vCenter, started for the command and stopped with it.
struct Connection {
  std::unique_ptr<sim::Simulator> simulator;  // declared first: outlives the client
  std::unique_ptr<vim::Client> client;
  std::string user;
  Secret password;
  tls::Trust trust;
  std::string thumbprint;  // SHA-1 of the target's certificate, for the VCH to pin
};

Connection connect(const Args& args);

}  // namespace vic::cli
