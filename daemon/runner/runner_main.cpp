// vic-endpoint-runner: runs the endpoint daemon of every powered-on VCH of a
// vCenter on this machine, each on a loopback address of its own, for the
// demo and the tests, where no VCH endpoint VM boots a guest.
#include <csignal>
#include <iostream>

#include <Poco/Util/Application.h>
#include <Poco/Util/HelpFormatter.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>

#include "daemon/runner/endpoint_supervisor.h"
#include "daemon/runner/vm_watcher.h"
#include "vicapi/net/endpoint.h"
#include "vicapi/tls/thumbprint.h"
#include "vicapi/tls/trust.h"
#include "vicapi/util/log.h"
#include "vicapi/util/password_source.h"

namespace {

using Poco::Util::Option;

volatile std::sig_atomic_t stopRequested = 0;

void onSignal(int) {
  stopRequested = 1;
}

class RunnerApp : public Poco::Util::Application {
 protected:
  void defineOptions(Poco::Util::OptionSet& o) override {
    Application::defineOptions(o);
    auto add = [&](const char* name, const char* help, const char* arg) {
      o.addOption(Option(name, "", help).argument(arg).binding(name));
    };
    add("target", "vCenter: host[:port] or https://host/sdk", "url");
    add("thumbprint", "the vCenter certificate's SHA-1 or SHA-256 thumbprint", "hex");
    add("user", "a vCenter user that can read every VM and reconfigure VCHs", "name");
    add("password-file", "a file whose first line is the password (else VIC_PASSWORD)", "file");
    add("state-dir", "where each daemon's guestinfo and log go", "dir");
    add("endpoint", "the vic-endpoint binary (default: beside this one)", "path");
    add("first-address", "the first loopback address handed out is 127.0.0.N (default 2)", "N");
    add("portal-port", "each daemon's admin portal port (default 2378)", "port");
    o.addOption(Option("help", "h", "show the options")
                    .callback(Poco::Util::OptionCallback<RunnerApp>(this, &RunnerApp::help)));
  }

  void help(const std::string&, const std::string&) {
    Poco::Util::HelpFormatter f(options());
    f.setCommand("vic-endpoint-runner");
    f.setUsage("--target URL --thumbprint T --user U --state-dir DIR");
    f.setHeader("Runs the endpoint daemon of each powered-on VCH on a loopback address.");
    f.setUnixStyle(true);
    f.format(std::cout);
    stopOptionsProcessing();
    helped_ = true;
  }

  int main(const std::vector<std::string>&) override {
    if (helped_) return EXIT_OK;
    for (const char* required : {"target", "user", "state-dir"})
      if (!config().has(required)) {
        std::cerr << "vic-endpoint-runner: --" << required << " is required\n";
        return EXIT_USAGE;
      }
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
    try {
      using namespace vic;
      PasswordSources sources;
      if (config().has("password-file")) sources.file = config().getString("password-file");
      sources.environment = "VIC_PASSWORD";
      sources.user = config().getString("user");
      sources.target = config().getString("target");
      const Secret password = readPassword(sources, std::cerr);
      const tls::Trust trust =
          config().has("thumbprint")
              ? tls::Trust::pin(tls::Thumbprint::parse(config().getString("thumbprint")))
              : tls::Trust::systemRoots();
      vim::Client client(net::Endpoint::parse(config().getString("target")), trust);
      client.login(config().getString("user"), password);

      endpoint::EndpointSupervisor::Options options;
      options.stateDir = config().getString("state-dir");
      options.endpointBinary = config().getString(
          "endpoint",
          (std::filesystem::path(config().getString("application.dir")) / "vic-endpoint").string());
      options.firstAddress = config().getInt("first-address", 2);
      options.portalPort = config().getInt("portal-port", 2378);
      endpoint::EndpointSupervisor supervisor(client, options);
      endpoint::VmWatcher watcher(client);
      std::map<vim::Moref, endpoint::WatchedVm> vms;
      std::cout << "vic-endpoint-runner watching " << config().getString("target") << std::endl;
      while (!stopRequested) {
        // Short rounds, so that a signal and a daemon that exited are seen soon.
        watcher.next(vms, 2);
        supervisor.reconcile(vms);
      }
      supervisor.stopAll();
    } catch (const std::exception& e) {
      std::cerr << "vic-endpoint-runner: " << e.what() << "\n";
      return EXIT_SOFTWARE;
    }
    return EXIT_OK;
  }

 private:
  bool helped_ = false;
};

}  // namespace

POCO_APP_MAIN(RunnerApp)
